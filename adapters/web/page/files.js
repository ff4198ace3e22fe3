// Files the bot hands to the person with its reply (`my-data`, `poll export`): the answer carries
// their bytes in base64; the page offers each as a download link (a Blob URL with `download`),
// labelled with the file's title and name, under the reply it came with.

/** Only these types are kept for the Blob; anything else downloads as plain bytes. */
const SAFE_TYPES = new Set(['application/json', 'text/csv', 'text/plain']);
/** The Blob URLs handed out, revoked when the chat is cleared. */
const urls = [];

function bytesOf(base64) {
  const binary = window.atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * A download link for one file; null when the file cannot be read. `said`: the text of the reply
 * it goes under — a title that reply already shows is not written again.
 */
function fileLink(file, said) {
  if (typeof file?.name !== 'string' || typeof file.contentBase64 !== 'string') return null;
  let bytes;
  try {
    bytes = bytesOf(file.contentBase64);
  } catch {
    return null;
  }
  const type = SAFE_TYPES.has(file.mime) ? file.mime : 'application/octet-stream';
  const url = window.URL.createObjectURL(new window.Blob([bytes], { type }));
  urls.push(url);
  const link = document.createElement('a');
  link.className = 'file-download';
  link.href = url;
  link.download = file.name;
  link.type = type;
  // The file name is Latin whatever the page's direction: isolated, so Arabic text flows around it.
  const name = document.createElement('bdi');
  name.className = 'file-name';
  name.dir = 'ltr';
  name.textContent = file.name;
  const titleText = file.title || file.name;
  if (said.includes(titleText)) {
    link.append(name);
    return link;
  }
  const title = document.createElement('span');
  title.className = 'file-title';
  title.textContent = titleText;
  link.append(title, ' ', name);
  return link;
}

/**
 * Adds the answer's files under `bubble` (the last reply of the answer), or in a bubble of their
 * own made by `newBubble` when the answer had no reply.
 */
export function showFiles(files, bubble, newBubble) {
  const said = bubble?.textContent ?? '';
  const links = (Array.isArray(files) ? files : []).map((file) => fileLink(file, said)).filter(Boolean);
  if (links.length === 0) return;
  const list = document.createElement('ul');
  list.className = 'card-files';
  for (const link of links) {
    const item = document.createElement('li');
    item.append(link);
    list.append(item);
  }
  (bubble ?? newBubble()).append(list);
  list.scrollIntoView({ block: 'end' });
}

/** Frees the files' memory (the chat was cleared). */
export function forgetFiles() {
  for (const url of urls.splice(0)) window.URL.revokeObjectURL(url);
}
