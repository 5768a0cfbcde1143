// The pages' scripts, bundled at build time by the Quarkus web bundler from mvnpm packages: htmx (typeahead, the
// notifications badge) and the upload page. The relation graph and its library (ECharts) are a bundle of their own
// (web/graph), loaded only by the pages that draw one. Nothing here is inline, so the Content-Security-Policy allows
// scripts from 'self' only; data comes from data-* attributes that the server escaped.
import htmx from 'htmx.org';

window.htmx = htmx;

// The search box's actor suggestions, as a WAI-ARIA combobox with a list: the suggestions come from the server as
// options (htmx); Down and Up move through them while the focus stays in the box (aria-activedescendant), Enter
// opens the chosen actor's page (or, with none chosen, runs the search), Escape closes the list, and a click or a
// tap opens an actor too. How many were suggested is announced once, not each option.
function setUpTypeahead() {
  const input = document.getElementById('q');
  const box = document.getElementById('suggestions');
  const status = document.getElementById('suggestions-status');
  if (!input || !box || input.getAttribute('role') !== 'combobox') {
    return;
  }
  let active = -1;
  const options = () => Array.from(box.querySelectorAll('[role="option"]'));
  const choose = (i) => {
    const all = options();
    all.forEach((o, j) => o.setAttribute('aria-selected', j === i ? 'true' : 'false'));
    active = i;
    if (i >= 0 && all[i]) {
      input.setAttribute('aria-activedescendant', all[i].id);
      all[i].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };
  const setOpen = (open) => {
    box.hidden = !open;
    input.setAttribute('aria-expanded', open ? 'true' : 'false');
    if (!open) {
      choose(-1);
    }
  };
  // what is typed changes the list: no option stays chosen (an old one must not open on Enter)
  input.addEventListener('input', () => choose(-1));
  box.addEventListener('htmx:afterSwap', () => {
    const n = options().length;
    choose(-1);
    setOpen(n > 0 && document.activeElement === input);
    if (status) {
      status.textContent = n === 0 ? '' : n + (n === 1 ? ' actor suggested' : ' actors suggested');
    }
  });
  input.addEventListener('keydown', (e) => {
    const all = options();
    if (e.key === 'ArrowDown' && all.length) {
      e.preventDefault();
      setOpen(true);
      choose((active + 1) % all.length);
    } else if (e.key === 'ArrowUp' && all.length) {
      e.preventDefault();
      setOpen(true);
      choose(active <= 0 ? all.length - 1 : active - 1);
    } else if (e.key === 'Enter' && !box.hidden && active >= 0 && all[active]) {
      e.preventDefault();
      window.location.href = all[active].dataset.href;
    } else if (e.key === 'Escape' && !box.hidden) {
      e.preventDefault();
      setOpen(false);
    }
  });
  // a press on an option keeps the focus in the box, so the list is still there when the click lands
  box.addEventListener('mousedown', (e) => e.preventDefault());
  box.addEventListener('click', (e) => {
    const option = e.target.closest('[role="option"]');
    if (option) {
      window.location.href = option.dataset.href;
    }
  });
  input.addEventListener('blur', () => setOpen(false));
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', setUpTypeahead);
} else {
  setUpTypeahead();
}

// The reading view. In a document (its page, or the preview pane), the words of the search it was opened from are
// marked: Previous and Next (or p and n) move to each in turn. On the search page, j and k (or the arrows, on a
// result) move through the results and show the chosen one in the preview pane beside the list; Escape closes it.
function setUpMatches(root, scroller) {
  const marks = Array.from(root.querySelectorAll('mark.match'));
  const count = root.querySelector('.match-count');
  if (!marks.length) {
    return null;
  }
  const order = Array.from(new Set(marks.map((m) => m.dataset.match)));
  let at = -1;
  const go = (step) => {
    at = (at + step + order.length) % order.length;
    marks.forEach((m) => m.classList.toggle('current', m.dataset.match === order[at]));
    const first = marks.find((m) => m.dataset.match === order[at]);
    if (scroller) {
      // inside the preview pane: its own scroll, not the page's
      const top = first.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
      scroller.scrollTop = Math.max(0, top - scroller.clientHeight / 2);
    } else {
      first.scrollIntoView({ block: 'center' });
    }
    if (count) {
      count.textContent = 'match ' + (at + 1) + ' of ' + order.length;
    }
  };
  const prev = root.querySelector('.match-prev');
  const next = root.querySelector('.match-next');
  if (prev) prev.addEventListener('click', () => go(-1));
  if (next) next.addEventListener('click', () => go(1));
  return go;
}

// The single-letter keys can be turned off (WCAG 2.1.4): the choice is kept in this browser.
const KEYS_OFF = 'dossier.keys.off';
function keysOn() {
  try {
    return window.localStorage.getItem(KEYS_OFF) !== 'true';
  } catch (e) {
    return true;
  }
}

function setUpKeysToggle() {
  const toggle = document.getElementById('keys-toggle');
  if (!toggle) return;
  const show = () => {
    toggle.setAttribute('aria-pressed', keysOn() ? 'true' : 'false');
    toggle.textContent = keysOn() ? 'Turn the keys off' : 'Turn the keys on';
  };
  toggle.addEventListener('click', () => {
    try {
      window.localStorage.setItem(KEYS_OFF, keysOn() ? 'true' : 'false');
    } catch (e) {
      // no storage: the keys stay as they are
    }
    show();
  });
  show();
}

function setUpReading() {
  setUpKeysToggle();
  const typing = (e) => !(e.target instanceof Element)
    || e.target.closest('input, textarea, select, [contenteditable]') || e.altKey || e.ctrlKey
    || e.metaKey || !keysOn();
  const page = document.querySelector('article.document');
  if (page) {
    const go = setUpMatches(page, null);
    if (go) {
      document.addEventListener('keydown', (e) => {
        if (typing(e)) return;
        if (e.key === 'n') go(1);
        if (e.key === 'p') go(-1);
      });
    }
    return;
  }
  const hits = Array.from(document.querySelectorAll('ol.hits li.hit[data-preview]'));
  const pane = document.getElementById('preview');
  const status = document.getElementById('preview-status');
  const layout = document.querySelector('.layout');
  if (!hits.length || !pane || !layout) {
    return;
  }
  let current = -1;
  let go = null;
  let asked = 0; // the latest preview asked for: an earlier answer arriving late is dropped
  const close = () => {
    asked++;
    pane.hidden = true;
    layout.classList.remove('previewing');
    if (current >= 0) hits[current].querySelector('h2 a').focus();
  };
  const show = (i, focus) => {
    if (i < 0 || i >= hits.length) return;
    if (i === current && !pane.hidden) {
      if (focus) hits[i].querySelector('h2 a').focus();
      return;
    }
    current = i;
    hits.forEach((h, j) => {
      h.classList.toggle('selected', j === i);
      if (j === i) h.setAttribute('aria-current', 'true'); else h.removeAttribute('aria-current');
    });
    if (focus) hits[i].querySelector('h2 a').focus();
    hits[i].scrollIntoView({ block: 'nearest' });
    const mine = ++asked;
    pane.setAttribute('aria-busy', 'true');
    fetch(hits[i].dataset.preview, { headers: { Accept: 'text/html' } })
      .then((r) => (r.ok ? r.text() : Promise.reject(r.status)))
      .then((html) => {
        if (mine !== asked) return;
        // a fragment rendered by this server's templates (every value escaped), from this origin
        pane.innerHTML = html;
        pane.hidden = false;
        layout.classList.add('previewing');
        pane.scrollTop = 0;
        go = setUpMatches(pane, pane);
        if (go) go(1);
        const title = pane.querySelector('h2');
        if (status) status.textContent = 'Preview: ' + (title ? title.textContent : 'the chosen result');
      }, () => {
        if (mine !== asked) return;
        pane.textContent = 'This document cannot be shown here right now; open it from the list.';
        pane.hidden = false;
        layout.classList.add('previewing');
        go = null;
      })
      .finally(() => {
        if (mine === asked) pane.removeAttribute('aria-busy');
      });
  };
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !pane.hidden) {
      close();
      return;
    }
    if (typing(e)) return;
    const onHit = e.target instanceof Element && e.target.closest('li.hit');
    if (e.key === 'j' || (onHit && e.key === 'ArrowDown')) {
      e.preventDefault();
      show(Math.min(current + 1, hits.length - 1), true);
    } else if (e.key === 'k' || (onHit && e.key === 'ArrowUp')) {
      e.preventDefault();
      show(Math.max(current - 1, 0), true);
    } else if (go && !pane.hidden && (e.key === 'n' || e.key === 'p')) {
      go(e.key === 'n' ? 1 : -1);
    }
  });
  hits.forEach((h, i) => {
    const button = h.querySelector('.preview-button');
    if (button) button.addEventListener('click', () => show(i, false));
  });
  pane.addEventListener('click', (e) => {
    if (e.target instanceof Element && e.target.closest('.preview-close')) close();
  });
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', setUpReading);
} else {
  setUpReading();
}

// The upload page: each file goes to the sources API on its own request, with a progress bar and its status live
// (uploading, extracting, reading the text by OCR page by page, indexing, indexed; or failed with the reason the
// service gave).
function setUpUploads() {
  const zone = document.getElementById('drop-zone');
  if (!zone) {
    return;
  }
  const input = document.getElementById('files');
  const list = document.getElementById('upload-list');
  const token = document.querySelector('meta[name="csrf-token"]').content;
  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    uploadAll(Array.from(e.dataTransfer.files));
  });
  input.addEventListener('change', () => { uploadAll(Array.from(input.files)); input.value = ''; });

  // the details typed above the drop zone go with the files added next: the date and publisher with each, the title
  // only with a file added alone (several files keep their own titles)
  function uploadAll(files) {
    const details = {
      title: files.length === 1 ? document.getElementById('upload-title').value.trim() : '',
      publishedAt: document.getElementById('upload-published').value,
      publisher: document.getElementById('upload-publisher').value.trim(),
    };
    files.forEach((f) => upload(f, details));
    if (details.title) {
      // a title is for the one file it was typed for
      document.getElementById('upload-title').value = '';
    }
  }

  function upload(file, details) {
    const row = document.createElement('li');
    row.className = 'upload';
    const name = document.createElement('span');
    name.className = 'name';
    name.dir = 'auto';
    name.textContent = file.name;
    const bar = document.createElement('progress');
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute('aria-label', 'Upload of ' + file.name);
    const status = document.createElement('span');
    status.className = 'status';
    status.textContent = 'uploading';
    row.append(name, bar, status);
    list.append(row);
    const form = new FormData();
    form.append('file', file);
    form.append('collection', document.getElementById('collection').value);
    if (details.title) {
      form.append('title', details.title);
    }
    if (details.publishedAt) {
      form.append('publishedAt', details.publishedAt + 'T00:00:00Z');
    }
    if (details.publisher) {
      form.append('publisher', details.publisher);
    }
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/sources');
    xhr.setRequestHeader('X-CSRF-Token', token);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) bar.value = Math.round((100 * e.loaded) / e.total); };
    xhr.upload.onload = () => { bar.value = 100; status.textContent = 'extracting'; };
    xhr.onload = () => {
      let body = {};
      try { body = JSON.parse(xhr.responseText); } catch (e) { body = {}; }
      if (xhr.status === 202 || (xhr.status === 200 && body.status === 'EXTRACTING')) {
        // an image or a scan: its text is read by OCR first, page by page
        row.dataset.id = body.id;
        status.textContent = xhr.status === 200 ? 'already in Dossier; its text is being read (OCR)'
          : 'reading the text (OCR)';
        bar.value = 0;
        bar.setAttribute('aria-label', 'Text recognition of ' + file.name);
        recognise(body.id, row, bar, status);
      } else if (xhr.status === 201 || xhr.status === 200) {
        row.dataset.id = body.id;
        status.textContent = xhr.status === 200 ? 'already in Dossier; indexing' : 'indexing';
        follow(body.id, row, status);
      } else {
        status.textContent = 'failed: ' + (body.detail || ('HTTP ' + xhr.status));
        row.classList.add('failed');
      }
    };
    xhr.onerror = () => { status.textContent = 'failed: the upload did not get through'; row.classList.add('failed'); };
    xhr.send(form);
  }

  // OCR's progress (pages read of pages), until the text exists (then indexing) or the file failed, with the reason.
  function recognise(id, row, bar, status) {
    let tries = 0;
    const poll = () => fetch('/api/v1/sources/' + encodeURIComponent(id)).then((r) => (r.ok ? r.json() : null))
      .then((source) => {
        if (source && source.status === 'EXTRACTED') {
          bar.value = 100;
          status.textContent = 'text read; indexing';
          follow(id, row, status);
        } else if (source && source.status === 'FAILED') {
          status.textContent = 'failed: ' + source.statusReason;
          row.classList.add('failed');
        } else if (++tries < 1800) {
          const ocr = source && source.ocr;
          if (ocr && ocr.pages) {
            bar.value = Math.round((100 * ocr.pagesDone) / ocr.pages);
            status.textContent = 'reading the text (OCR): page ' + Math.min(ocr.pagesDone + 1, ocr.pages) + ' of '
              + ocr.pages;
          }
          setTimeout(poll, 1000);
        } else {
          status.textContent = 'stored; its text is still being read';
        }
      }, () => { status.textContent = 'stored; its progress cannot be shown right now'; });
    poll();
  }

  function follow(id, row, status) {
    let tries = 0;
    const poll = () => fetch('/api/v1/search/documents/' + encodeURIComponent(id)).then((r) => {
      if (r.ok) {
        status.textContent = 'indexed';
        row.classList.add('done');
        const open = document.createElement('a');
        open.href = '/documents/' + encodeURIComponent(id);
        open.className = 'open';
        open.textContent = 'Open the document';
        open.setAttribute('aria-label', 'Open the document of ' + row.querySelector('.name').textContent);
        status.append(' · ', open);
      } else if (++tries < 120) {
        setTimeout(poll, 500);
      } else {
        status.textContent = 'stored, not searchable yet';
      }
    });
    poll();
  }
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', setUpUploads);
} else {
  setUpUploads();
}

// Notes on a document: words selected in the text fill the note form's passage (with their offsets in the text,
// which each run of the text carries as data-o), a button beside the selection takes the reader to the form; a
// noted passage leads to its note, and "Show in the text" to the passage.
function setUpNotes() {
  const text = document.querySelector('article.document .doc-text');
  const form = document.getElementById('note-form');
  const notes = document.getElementById('notes');
  if (!text || !notes) return;

  // the notes a passage belongs to (several where passages overlap), marked; the first brought into view
  function showNotes(numbers) {
    notes.querySelectorAll('article.note.current').forEach((n) => n.classList.remove('current'));
    const shown = numbers.map((n) => notes.querySelector('article.note[data-note="' + n + '"]')).filter(Boolean);
    shown.forEach((n) => n.classList.add('current'));
    if (!shown.length) return;
    shown[0].scrollIntoView({ block: 'nearest' });
    shown[0].focus({ preventScroll: true });
  }
  text.addEventListener('click', (e) => {
    const passage = e.target instanceof Element ? e.target.closest('.noted') : null;
    if (!passage || passage.closest('a') || !window.getSelection().isCollapsed) return;
    showNotes(passage.dataset.notes.split(' '));
  });
  notes.addEventListener('click', (e) => {
    const link = e.target instanceof Element ? e.target.closest('a.show-passage') : null;
    if (!link) return;
    const number = link.closest('article.note').dataset.note;
    text.querySelectorAll('.noted.current').forEach((p) => p.classList.remove('current'));
    text.querySelectorAll('.noted[data-notes~="' + number + '"]').forEach((p) => p.classList.add('current'));
  });
  if (!form) return;

  const quote = form.querySelector('#note-quote');
  const start = form.querySelector('#note-start');
  const end = form.querySelector('#note-end');
  const button = document.getElementById('note-selection');
  document.body.appendChild(button); // placed by the page's coordinates

  // the offset in the text of a point of a selection: its run's data-o and the characters before it in that run
  function offset(node, at) {
    const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    const run = element ? element.closest('[data-o]') : null;
    if (!run || !text.contains(run)) return null;
    const before = document.createRange();
    before.setStart(run, 0);
    before.setEnd(node, at);
    return Number(run.dataset.o) + before.toString().length;
  }

  function selected() {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) return null;
    const words = selection.toString().trim();
    if (!words) return null;
    const from = offset(range.startContainer, range.startOffset);
    const to = offset(range.endContainer, range.endOffset);
    return { range, words, from, to };
  }

  function fill(s) {
    quote.value = s.words;
    const exact = s.from !== null && s.to !== null && s.to > s.from;
    start.value = exact ? String(s.from) : '';
    end.value = exact ? String(s.to) : '';
  }

  document.addEventListener('selectionchange', () => {
    const s = selected();
    if (!s) {
      button.hidden = true;
      return;
    }
    fill(s);
    const box = s.range.getBoundingClientRect();
    button.style.top = (window.scrollY + box.bottom + 6) + 'px';
    button.style.left = (window.scrollX + Math.max(8, box.left)) + 'px';
    button.hidden = false;
  });
  button.addEventListener('mousedown', (e) => e.preventDefault()); // keep the selection
  button.addEventListener('click', () => {
    button.hidden = true;
    form.scrollIntoView({ block: 'nearest' });
    form.querySelector('#note-text').focus();
  });
  // words typed by hand are found in the text by the service, the occurrence nearest an earlier selection's start
  quote.addEventListener('input', () => {
    end.value = '';
  });
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', setUpNotes);
} else {
  setUpNotes();
}
