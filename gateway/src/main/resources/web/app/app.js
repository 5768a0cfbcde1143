// The pages' scripts, bundled at build time by the Quarkus web bundler from mvnpm packages: htmx (typeahead) and
// ECharts (the relation graph). Nothing here is inline, so the Content-Security-Policy allows scripts from 'self'
// only; data comes from data-* attributes that the server escaped.
import htmx from 'htmx.org';
import * as echarts from 'echarts/core';
import { GraphChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

window.htmx = htmx;
echarts.use([GraphChart, TooltipComponent, CanvasRenderer]);

function drawRelationGraph() {
  const element = document.getElementById('relation-graph');
  if (!element || !element.dataset.graph) {
    return;
  }
  const graph = JSON.parse(element.dataset.graph);
  const chart = echarts.init(element);
  chart.setOption({
    tooltip: {},
    series: [{
      type: 'graph',
      layout: 'force',
      roam: true,
      draggable: true,
      force: { repulsion: 260, edgeLength: 140 },
      label: { show: true, position: 'right' },
      edgeSymbol: ['none', 'arrow'],
      edgeLabel: { show: true, fontSize: 11, formatter: (p) => p.data.label },
      data: graph.nodes.map((n) => ({ id: n.id, name: n.name, center: n.center, symbolSize: n.center ? 36 : 22 })),
      links: graph.links.map((l) => ({ source: l.source, target: l.target, label: l.label })),
    }],
  });
  chart.on('click', (p) => {
    if (p.dataType === 'node' && !p.data.center) {
      window.location.href = '/entities/' + encodeURIComponent(p.data.id);
    }
  });
  element.dataset.drawn = 'true';
  window.addEventListener('resize', () => chart.resize());
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', drawRelationGraph);
} else {
  drawRelationGraph();
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
    Array.from(e.dataTransfer.files).forEach(upload);
  });
  input.addEventListener('change', () => { Array.from(input.files).forEach(upload); input.value = ''; });

  function upload(file) {
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
        open.textContent = 'open';
        row.append(' ', open);
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
