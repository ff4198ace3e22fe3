// The forum chat on the organisation's own site, with one script tag:
//   <script src="https://<bot>/web/widget.js" defer></script>
// adds a launcher button in a bottom corner that opens and closes the chat page in a frame (compact
// mode, /?embed=1). Optional attributes of the script tag: data-lang="fr" (the chat's language for
// people who have not chosen one; default: the host page's lang) and data-position="left" (default:
// right). The button says what it does in that language; Escape (in the chat too) closes it and
// gives the keyboard back to the button. Served by the bot at /web/widget.js with its words and the
// sites of WEB_EMBED_ORIGINS filled in: on any other site the browser would refuse the chat's frame
// (Content-Security-Policy frame-ancestors) and show it broken, so the panel says what to set instead.
(function taForumWidget() {
  const WORDS = /* WIDGET_WORDS */ {};
  const EMBED_ORIGINS = /* WIDGET_ORIGINS */ [];
  const script = document.currentScript;
  if (!script || window.taForumWidgetLoaded) return;
  window.taForumWidgetLoaded = true;

  const origin = new window.URL(script.src, window.location.href).origin;
  const asked = (script.dataset.lang || document.documentElement.lang || '').toLowerCase().slice(0, 2);
  const lang = WORDS[asked] ? asked : 'en';
  const words = WORDS[lang];
  const side = script.dataset.position === 'left' ? 'left' : 'right';
  const rtl = lang === 'ar';
  const here = window.location.origin.toLowerCase();
  const allowed = here === origin.toLowerCase() || EMBED_ORIGINS.includes(here);

  const style = `
    :host { all: initial; }
    .launcher {
      position: fixed; bottom: 1rem; ${side}: 1rem; z-index: 2147483000;
      display: inline-flex; align-items: center; gap: 0.5rem; min-height: 3rem; padding: 0.6rem 1rem;
      border: 2px solid #fff; border-radius: 1.5rem; background: #0b5cad; color: #fff; cursor: pointer;
      font: 600 1rem/1.2 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans Arabic", "Noto Sans SC", sans-serif;
      box-shadow: 0 2px 10px rgba(0, 0, 0, 0.3);
    }
    .launcher:hover { background: #084a8c; }
    .launcher:focus-visible { outline: 3px solid #f1a208; outline-offset: 2px; }
    .launcher svg { width: 1.3rem; height: 1.3rem; flex: none; }
    .panel {
      position: fixed; bottom: 4.75rem; ${side}: 1rem; z-index: 2147483000;
      width: min(26rem, calc(100vw - 2rem)); height: min(38rem, calc(100vh - 6.5rem));
      border: 1px solid #c9d1d9; border-radius: 0.75rem; overflow: hidden; background: #fff;
      box-shadow: 0 6px 24px rgba(0, 0, 0, 0.25);
    }
    .panel[hidden] { display: none; }
    iframe { display: block; width: 100%; height: 100%; border: 0; }
    .blocked {
      margin: 0; padding: 1.25rem; color: #1f2328; overflow-wrap: anywhere;
      font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans Arabic", "Noto Sans SC", sans-serif;
    }
    @media (max-width: 30rem) {
      .launcher { bottom: 0.5rem; ${side}: 0.5rem; }
      .panel { top: 0.5rem; left: 0.5rem; right: 0.5rem; bottom: 4.25rem; width: auto; height: auto; }
    }
    @media (prefers-reduced-motion: no-preference) { .panel { transition: opacity 0.15s; } }
  `;
  const chatIcon =
    '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z"/></svg>';
  const closeIcon =
    '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12 19 17.6 17.6 19 12 13.4 6.4 19 5 17.6 10.6 12 5 6.4z"/></svg>';

  const host = document.createElement('div');
  host.setAttribute('data-ta-forum-widget', '');
  const root = host.attachShadow({ mode: 'open' });
  const sheet = document.createElement('style');
  sheet.textContent = style;

  const panel = document.createElement('div');
  panel.className = 'panel';
  panel.id = 'ta-forum-panel';
  panel.hidden = true;
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', words.frameTitle);
  panel.lang = lang;
  panel.dir = rtl ? 'rtl' : 'ltr';

  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'launcher';
  button.lang = lang;
  button.dir = rtl ? 'rtl' : 'ltr';
  button.setAttribute('aria-controls', panel.id);
  const label = document.createElement('span');

  let frame;
  function draw(open) {
    button.setAttribute('aria-expanded', String(open));
    button.innerHTML = open ? closeIcon : chatIcon;
    label.textContent = open ? words.close : words.open;
    button.append(label);
  }

  /** On a site the bot does not list, the panel says what to set in place of a frame the browser would refuse. */
  function blockedNote() {
    const note = document.createElement('p');
    note.className = 'blocked';
    note.setAttribute('role', 'alert');
    note.tabIndex = -1;
    const [before, after] = words.blocked.split('{origin}');
    const site = document.createElement('bdi');
    site.textContent = here;
    site.dir = 'ltr';
    note.append(before ?? '', site, after ?? '');
    return note;
  }

  function open() {
    if (!frame && !allowed) {
      frame = blockedNote();
      panel.append(frame);
    } else if (!frame) {
      frame = document.createElement('iframe');
      frame.title = words.frameTitle;
      frame.src = `${origin}/?embed=1&lang=${encodeURIComponent(lang)}`;
      frame.setAttribute('referrerpolicy', 'strict-origin');
      frame.addEventListener('load', () => {
        if (!panel.hidden) frame.focus();
      });
      panel.append(frame);
    }
    panel.hidden = false;
    draw(true);
    frame.focus();
  }

  function close() {
    if (panel.hidden) return;
    panel.hidden = true;
    draw(false);
    button.focus();
  }

  button.addEventListener('click', () => (panel.hidden ? open() : close()));
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close();
  });
  // The chat in the frame asks to be closed when Escape is pressed there.
  window.addEventListener('message', (event) => {
    if (event.origin === origin && event.data && event.data.type === 'ta-forum:close') close();
  });

  draw(false);
  root.append(sheet, button, panel);
  const attach = () => document.body.append(host);
  if (document.body) attach();
  else document.addEventListener('DOMContentLoaded', attach);
})();
