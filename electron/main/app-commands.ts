/** Commands from the desktop shell (menu, tray, notifications) on their way to every open renderer. */
import type { AppCommand } from '../../shared/dto/app';

export class AppCommands {
  private readonly listeners = new Set<(command: AppCommand) => void>();

  send(command: AppCommand): void {
    for (const listener of [...this.listeners]) listener(command);
  }

  /** Whether any renderer listens; a command sent while none does is lost, so the shell opens the window first. */
  get listening(): boolean {
    return this.listeners.size > 0;
  }

  onCommand(listener: (command: AppCommand) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
