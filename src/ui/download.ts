/** Saves data made on this device as a file: a Blob behind a download link, clicked once. */

/** Offers `data` as the file `fileName` of type `type` (the browser saves it; nothing leaves the device). */
export function download(data: string | Uint8Array, fileName: string, type: string): void {
  const part: BlobPart = typeof data === 'string' ? data : (data as Uint8Array<ArrayBuffer>);
  const url = URL.createObjectURL(new Blob([part], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // the browser has taken the file once the click is handled; a minute leaves slow disks time
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
