/**
 * What the Electron shell offers besides the contract: native file dialogs and showing a
 * written file. Paths that reach the core come from these dialogs (or uploads in the web
 * harness), never typed by the renderer.
 */
export interface ShellApi {
  openFile(options: { title?: string; extensions: string[] }): Promise<string | null>;
  savePath(options: { title?: string; defaultName: string }): Promise<string | null>;
  reveal(path: string): Promise<void>;
  /** Menu commands (Electron) asking the page to show another page; returns an unsubscribe. */
  onNavigate(listener: (page: string) => void): () => void;
}
