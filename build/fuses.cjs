// Electron fuses for the packed app, flipped after packing (electron-builder's afterPack).
// electron-builder 25 has no `electronFuses` option (it came with 26, which needs Node 22), so
// this hook does what that option does, with Electron's own @electron/fuses. Off: running the
// binary as plain Node, NODE_OPTIONS and --inspect (each would let anyone run code as the app);
// on: the asar's integrity check and loading the app from the asar only.
const { join } = require('node:path');
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses');

const fuses = {
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** The packed Electron binary, as the @electron/fuses README computes it for electron-builder. */
function binaryPath(context) {
  const platform = context.electronPlatformName;
  const ext = { darwin: '.app', win32: '.exe', linux: '' }[platform] ?? '';
  const name = platform === 'linux' ? context.packager.executableName : context.packager.appInfo.productFilename;
  return join(context.appOutDir, `${name}${ext}`);
}

async function afterPack(context) {
  await flipFuses(binaryPath(context), { version: FuseVersion.V1, resetAdHocDarwinSignature: context.electronPlatformName === 'darwin', ...fuses });
}

module.exports = { default: afterPack, afterPack, fuses, binaryPath };
