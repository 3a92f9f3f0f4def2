// Keeps the tray model current from core's state and carries out the tray's actions. The shell
// provides the TrayPort (Electron: electron/main/tray.ts), like Signal Desktop's SystemTrayService
// gets its tray from the main process: core decides, the port draws and does the OS-side things.
import type { NavigationTarget } from '../../../shared/bridge/live.ts';
import type { EventHub } from '../event-hub.ts';
import { consoleWarn } from '../logging/logger.ts';
import { type TrayAction, type TrayInputs, type TrayModel, trayModel } from './tray-model.ts';

export interface TrayPort {
  render(model: TrayModel): void;
  showWindow(): void;
  copyText(text: string): Promise<void>;
  quit(): void;
}

export interface TrayServiceOptions {
  inputs: () => TrayInputs;
  events: EventHub;
  referralLink: () => Promise<string>;
  pause: (what: '1h' | 'tomorrow' | 'resume') => void;
  setTrading: (trading: boolean) => void;
  log?: (message: string) => void;
}

export interface TrayService {
  model(): TrayModel;
  /** Attaches the shell's tray; returns a detach function. */
  attach(port: TrayPort): () => void;
  /** Core's state changed: redraw if the model differs. */
  update(): void;
  act(action: TrayAction): Promise<void>;
}

const SECTION_OF: Partial<Record<TrayAction, NavigationTarget>> = {
  'show-qr': { section: 'qr' },
  open: { section: 'referral' },
  'request-payout': { section: 'payouts' },
  'apply-license': { section: 'licenses' },
  settings: { section: 'settings' },
};

export function createTrayService(options: TrayServiceOptions): TrayService {
  const log = options.log ?? consoleWarn;
  let port: TrayPort | undefined;
  let drawn = '';

  function current(): TrayModel {
    return trayModel(options.inputs());
  }

  function update() {
    if (!port) return;
    const model = current();
    const fingerprint = JSON.stringify(model);
    if (fingerprint === drawn) return;
    drawn = fingerprint;
    port.render(model);
  }

  return {
    model: current,
    attach(next) {
      port = next;
      drawn = '';
      update();
      return () => {
        if (port === next) port = undefined;
      };
    },
    update,
    async act(action) {
      const target = SECTION_OF[action];
      if (target) {
        port?.showWindow();
        // 'open' shows the window as it was; the others open it on their section.
        if (action !== 'open') options.events.emit('navigate', target);
        return;
      }
      switch (action) {
        case 'copy-link':
          try {
            await port?.copyText(await options.referralLink());
          } catch (error) {
            log(`tray: could not copy the referral link: ${String(error)}`);
          }
          return;
        case 'pause-1h':
          return options.pause('1h');
        case 'pause-tomorrow':
          return options.pause('tomorrow');
        case 'resume-notifications':
          options.pause('resume');
          return options.setTrading(false);
        case 'toggle-trading':
          return options.setTrading(!options.inputs().pause.trading);
        case 'quit':
          return port?.quit();
      }
    },
  };
}
