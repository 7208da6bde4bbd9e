/** Commands from the desktop shell (menu, tray, notifications) on their way to every open renderer. */
import type { AppCommand } from '../../../shared/dto/app';

export class AppCommands {
  private readonly listeners = new Set<(command: AppCommand) => void>();
  /** The last command sent while no page listened (the window was still opening); the next listener gets it. */
  private pending: AppCommand | null = null;

  send(command: AppCommand): void {
    if (this.listeners.size === 0) {
      this.pending = command;
      return;
    }
    for (const listener of [...this.listeners]) listener(command);
  }

  onCommand(listener: (command: AppCommand) => void): () => void {
    this.listeners.add(listener);
    const pending = this.pending;
    this.pending = null;
    if (pending !== null) listener(pending);
    return () => this.listeners.delete(listener);
  }
}
