export const themeStorageKey = "strata-theme";

/** Runs before paint (inlined in <head>) so the page never flashes the wrong theme. */
export const themeBootScript = `(()=>{try{const t=localStorage.getItem("${themeStorageKey}");const d=t?t==="dark":matchMedia("(prefers-color-scheme: dark)").matches;document.documentElement.classList.toggle("dark",d)}catch(e){}})()`;
