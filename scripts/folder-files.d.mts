/** The checkpoint folder a resumable study keeps in its output folder while it runs. */
export declare const CHECKPOINT: string;
/** `dir`'s files by relative path (the checkpoint excepted), PNGs as base64, text with its times masked. */
export declare function folderFiles(dir: string, prefix?: string): Record<string, string>;
