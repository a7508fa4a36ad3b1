import type { BlockList } from "node:net";

export declare const clientAddressHeader: "x-strata-client-ip";
export declare function normalizeAddress(text: string | null | undefined): string | null;
export declare function parseTrustedProxies(text: string | null | undefined): BlockList | null;
export declare function clientAddress(input: {
  socketAddress: string | null | undefined;
  forwardedFor: string | null | undefined;
  trusted: BlockList | null;
}): string;
