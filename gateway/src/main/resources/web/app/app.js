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
