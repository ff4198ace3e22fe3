// Types of build-state.mjs (plain JavaScript: the launcher runs before any TypeScript can).
export declare const BUILD_DIR: string;
export declare const BUILD_STAMP: string;
export declare function buildIsFresh(root: string): boolean;
