// "Unduh XML" of the BPMN and DMN designers: a text saved as a file by the browser.

/** Saves `text` as `fileName`; the object URL is let go once the browser has started the download. */
export function downloadText(text, fileName, type = 'application/xml') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0); // revoked in the click's own task the download may not have begun
}
