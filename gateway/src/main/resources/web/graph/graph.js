// The relation graph of an entity page, drawn with ECharts: a bundle of its own, loaded only by the pages that draw
// a graph (`{#bundle key="graph" tag="script" /}`), so other pages do not carry the library.
import * as echarts from 'echarts/core';
import { GraphChart } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([GraphChart, LegendComponent, TooltipComponent, LabelLayout, CanvasRenderer]);

// Entity types in the order of the legend, each with its word and a colour that holds on white for all viewers
// (Okabe-Ito palette, safe for colour-blind readers)
const TYPES = [
  { key: 'ORGANIZATION', name: 'Organization', color: '#0072B2' },
  { key: 'PERSON', name: 'Person', color: '#D55E00' },
  { key: 'LOCATION', name: 'Place', color: '#009E73' },
  { key: 'EVENT', name: 'Event', color: '#CC79A7' },
  { key: '', name: 'Other', color: '#777777' },
];

function category(type) {
  const i = TYPES.findIndex((t) => t.key === type);
  return i < 0 ? TYPES.length - 1 : i;
}

// Where each node sits: the entity in the middle, its neighbours on a circle around it, and the neighbours of an
// expanded node on an arc beyond it (away from the middle). ECharts fits these coordinates into the box, so the graph
// always fills it; labels point outwards, so they do not run over the edges or each other.
function place(nodes, parentOf, aspect) {
  const children = new Map();
  nodes.forEach((n) => {
    const p = parentOf.get(n.id);
    if (p !== undefined) {
      if (!children.has(p)) children.set(p, []);
      children.get(p).push(n);
    }
  });
  const put = (n, a, from, r) => {
    // an ellipse as flat as the box, so that fitting it in scales both ways alike and circles stay circles
    n.x = from.x + Math.cos(a) * r;
    n.y = from.y + Math.sin(a) * r * aspect;
    n.label = Object.assign({}, n.label, { position: Math.cos(a) < -0.01 ? 'left' : 'right' });
  };
  const around = (n, a, depth) => {
    const kids = children.get(n.id) || [];
    const fan = depth === 0 ? 2 * Math.PI : Math.min(Math.PI / 2, (Math.PI / 10) * kids.length);
    kids.forEach((k, i) => {
      let ka;
      if (depth === 0) {
        ka = (2 * Math.PI * i) / kids.length - Math.PI / 2;
      } else {
        ka = a + (kids.length === 1 ? 0 : -fan / 2 + (fan * i) / (kids.length - 1));
      }
      put(k, ka, n, depth === 0 ? 200 : 150);
      around(k, ka, depth + 1);
    });
  };
  const centre = nodes.find((n) => n.center);
  centre.x = 0;
  centre.y = 0;
  centre.label = Object.assign({}, centre.label, { position: 'bottom' });
  around(centre, 0, 0);
}

function drawRelationGraph() {
  const element = document.getElementById('relation-graph');
  if (!element || !element.dataset.graph) {
    return;
  }
  const graph = JSON.parse(element.dataset.graph);
  const nodes = new Map();
  const parentOf = new Map();
  const links = new Map();
  const expanded = new Set();
  const add = (g, parent) => {
    g.nodes.forEach((n) => {
      if (!nodes.has(n.id)) {
        nodes.set(n.id, {
          id: n.id, name: n.name, center: !parent && n.center, category: category(n.type),
          symbolSize: !parent && n.center ? 30 : 18, label: { fontWeight: !parent && n.center ? 'bold' : 'normal' },
        });
        if (!(!parent && n.center)) {
          parentOf.set(n.id, parent || graph.nodes.find((c) => c.center).id);
        }
      }
    });
    g.links.forEach((l) => links.set(l.source + ' ' + l.label + ' ' + l.target,
      { source: l.source, target: l.target, label: l.label }));
  };
  add(graph, null);
  graph.nodes.filter((n) => n.center).forEach((n) => expanded.add(n.id));
  const chart = echarts.init(element);
  const render = () => {
    const data = Array.from(nodes.values());
    const aspect = Math.max(0.25, Math.min(1, (element.clientHeight - 80) / Math.max(1, element.clientWidth - 380)));
    place(data, parentOf, aspect);
    chart.setOption({
      tooltip: {
        formatter: (p) => (p.dataType === 'node'
          ? echarts.format.encodeHTML(p.data.name) + '<br>' + TYPES[p.data.category].name
            + (p.data.center ? '' : (expanded.has(p.data.id) ? '<br>click: open its page' : '<br>click: show its relations'))
          : echarts.format.encodeHTML(p.data.label)),
      },
      legend: [{ data: TYPES.map((t) => t.name), bottom: 0, selectedMode: false }],
      series: [{
        type: 'graph',
        layout: 'none',
        // the drawing is fitted into the box (room for the labels at the sides and the legend below); it can be
        // zoomed and moved
        top: 30, bottom: 50, left: 190, right: 190,
        roam: true,
        categories: TYPES.map((t) => ({ name: t.name, itemStyle: { color: t.color } })),
        label: { show: true, width: 170, overflow: 'truncate' },
        labelLayout: { hideOverlap: true },
        emphasis: { focus: 'adjacency' },
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 7,
        lineStyle: { color: '#8a94a0', width: 1.2 },
        edgeLabel: { show: true, fontSize: 10, color: '#4a5360', formatter: (p) => p.data.label },
        data,
        links: Array.from(links.values()),
      }],
    }, { replaceMerge: ['series'] });
  };
  render();
  // a click on a neighbour adds its own relations to the graph; a second click opens its page
  chart.on('click', (p) => {
    if (p.dataType !== 'node' || p.data.center) {
      return;
    }
    const id = p.data.id;
    if (expanded.has(id)) {
      window.location.href = '/entities/' + encodeURIComponent(id);
      return;
    }
    expanded.add(id);
    fetch('/entities/' + encodeURIComponent(id) + '/graph', { headers: { Accept: 'application/json' } })
      .then((r) => (r.ok ? r.json() : Promise.reject(r.status)))
      .then((more) => {
        if (more) {
          add(more, id);
          render();
          element.dataset.expanded = Array.from(expanded).join(' ');
        }
      }, () => expanded.delete(id));
  });
  element.dataset.drawn = 'true';
  window.addEventListener('resize', () => chart.resize());
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', drawRelationGraph);
} else {
  drawRelationGraph();
}
