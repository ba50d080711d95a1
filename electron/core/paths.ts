// Where the library lives when nobody says: the desktop app's data folder, as Electron names it
// (app.getPath('userData') = the platform's application-data folder + the product name).

import { homedir } from 'node:os';
import { join } from 'node:path';

const PRODUCT_FOLDER = 'Clauseway';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const fromEnv = env['CLAUSEWAY_DATA'];
  if (fromEnv) return fromEnv;
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_FOLDER);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_FOLDER);
  return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), PRODUCT_FOLDER);
}
