export declare function listSources(roots: string[]): string[];
export declare function importGraph(files: string[]): Map<string, string[]>;
export declare function findCycles(graph: Map<string, string[]>): string[][];
