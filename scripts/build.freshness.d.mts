export declare const SOURCE_ROOTS: readonly string[];
export declare function sourceTimes(repoRoot: string, roots?: readonly string[]): number[];
export declare function outputTimes(repoRoot: string, outputs: readonly string[]): (number | null)[];
export declare function isUpToDate(sources: readonly number[], outputs: readonly (number | null)[]): boolean;
