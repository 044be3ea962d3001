/** The storage figures History shows: our videos, and the site's use of what the browser allows it. Pure. */

/** A size for people: "850 KB", "12.3 MB", "1.2 GB" (1 MB = 10^6 bytes, as operating systems show disk space). */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let v = Math.max(0, bytes);
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  const digits = i === 0 || v >= 100 ? 0 : 1;
  return `${v.toFixed(digits).replace(/\.0$/, '')} ${units[i]}`;
}

/** The lines shown: what our videos take, and (where the browser says) how much of its allowance the site uses. */
export function storageLines(u: {
  readonly videoBytes: number;
  readonly usedBytes: number | null;
  readonly quotaBytes: number | null;
}): string[] {
  const lines = [
    u.videoBytes > 0
      ? `Videos kept on this device: ${formatBytes(u.videoBytes)}.`
      : 'No videos are kept on this device.',
  ];
  if (u.usedBytes !== null && u.quotaBytes !== null && u.quotaBytes > 0) {
    const pct = (100 * u.usedBytes) / u.quotaBytes;
    const shown = pct > 0 && pct < 1 ? '<1' : String(Math.round(pct));
    lines.push(
      `Spine Coach uses ${formatBytes(u.usedBytes)} of the ${formatBytes(u.quotaBytes)} this browser allows it (${shown} %).`,
    );
  }
  return lines;
}
