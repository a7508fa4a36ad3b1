export declare function hasMalformedPathEscape(target: string | null | undefined): boolean;
