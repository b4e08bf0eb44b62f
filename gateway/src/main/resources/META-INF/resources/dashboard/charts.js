'use strict';

/**
 * The dashboard's charts, drawn by Chart.js. Each chart is created once and then updated in place, so a live refresh
 * moves the bars instead of redrawing the page. Codes from the API are turned into labels here; a code the page does
 * not know yet is shown as it is rather than dropped.
 */
window.DashboardCharts = (() => {
  // Okabe–Ito colours: told apart with the common colour-vision deficiencies
  const COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
  // levels of need from universal (1) to children's social care (4): calm to urgent
  const LEVEL_COLOURS = ['#009E73', '#56B4E9', '#E69F00', '#D55E00'];

  const CATEGORIES = {
    EMOTIONAL: 'Emotional',
    DEPRESSED_PASSIVE: 'Depressed or passive',
    DISORGANISED: 'Disorganised or chaotic',
    SEVERE_DEPRIVATION: 'Severe deprivation',
  };
  const LEVELS = { 1: 'Level 1', 2: 'Level 2', 3: 'Level 3', 4: 'Level 4' };
  const DRIFT_RULES = {
    D1: 'D1 referral decision', D2: 'D2 assessment overrun', D3: 'D3 level 3 review', D4: 'D4 re-referral',
    D5: 'D5 step-down, step-up', D6: 'D6 long at level 4', D7: 'D7 concerns, no assessment',
    D8: 'D8 escalation overdue', D9: 'D9 toolkit review',
  };
  const ALERT_AGES = { '0-7d': '0–7 days', '8-30d': '8–30 days', '31-90d': '31–90 days', '>90d': 'over 90 days' };
  const AGENCIES = {
    CHILDRENS_SERVICES: "Children's services", HEALTH: 'Health', EDUCATION: 'Education', POLICE: 'Police',
  };

  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.color = '#1f2933';
  Chart.defaults.animation = reducedMotion ? false : { duration: 400 };
  Chart.defaults.maintainAspectRatio = false;

  const charts = {};

  /** Known codes in their natural order, then any others the API sent. */
  function entries(counts, labels) {
    const values = counts || {};
    const codes = [...Object.keys(labels), ...Object.keys(values).filter(code => !(code in labels))];
    return codes.map(code => ({ label: labels[code] || code, value: Number(values[code] || 0) }));
  }

  /** A canvas is an image to assistive technology: its label says what the bars say. */
  function describe(canvas, title, labels, datasets) {
    const parts = labels.map((label, i) => label + ' ' + datasets.map(d => d.data[i]).join(' / '));
    canvas.setAttribute('aria-label', title + ': ' + parts.join(', '));
  }

  function draw(id, type, labels, datasets, options) {
    const canvas = document.getElementById(id);
    const total = datasets.reduce((sum, d) => sum + d.data.reduce((a, b) => a + b, 0), 0);
    canvas.parentElement.dataset.empty = total === 0; // CSS shows "None" over an empty chart
    describe(canvas, canvas.closest('section').querySelector('h2').textContent, labels, datasets);
    const chart = charts[id];
    if (chart) {
      chart.data.labels = labels;
      chart.data.datasets.forEach((dataset, i) => { dataset.data = datasets[i].data; });
      chart.update();
    } else {
      charts[id] = new Chart(canvas, { type, data: { labels, datasets }, options });
    }
  }

  const countScale = { beginAtZero: true, ticks: { precision: 0 }, grid: { color: '#e4e7eb' } };
  const noGrid = { grid: { display: false } };

  function bars(id, rows, colours, horizontal) {
    draw(id, 'bar', rows.map(r => r.label), [{
      label: 'Count',
      data: rows.map(r => r.value),
      backgroundColor: colours,
      borderRadius: 4,
      maxBarThickness: 48,
    }], {
      indexAxis: horizontal ? 'y' : 'x',
      plugins: { legend: { display: false } },
      scales: horizontal ? { x: countScale, y: noGrid } : { x: noGrid, y: countScale },
    });
  }

  function doughnut(id, rows) {
    draw(id, 'doughnut', rows.map(r => r.label), [{
      data: rows.map(r => r.value),
      backgroundColor: COLOURS,
      borderColor: '#fff',
      // no border on empty slices: it would cut a white seam into a ring that holds one slice only
      borderWidth: context => (context.raw > 0 ? 2 : 0),
    }], {
      cutout: '55%',
      plugins: { legend: { position: 'right', labels: { boxWidth: 12, padding: 12 } } },
    });
  }

  function levelChanges(buckets) {
    const format = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });
    const rows = buckets || [];
    draw('chart-level-changes', 'bar', rows.map(b => format.format(new Date(b.start))), [
      { label: 'Stepped up', data: rows.map(b => Number(b.up || 0)), backgroundColor: '#D55E00', borderRadius: 3 },
      { label: 'Stepped down', data: rows.map(b => Number(b.down || 0)), backgroundColor: '#009E73', borderRadius: 3 },
    ], {
      plugins: { legend: { position: 'top', align: 'end', labels: { boxWidth: 12 } } },
      scales: { x: noGrid, y: countScale },
    });
  }

  /** Each part of GET /api/v1/dashboard is the body of its own endpoint, whose counts sit under "counts". */
  const countsOf = part => (part && part.counts) || part || {};

  return {
    CATEGORIES,
    LEVELS,
    AGENCIES,

    update(dashboard, changes) {
      doughnut('chart-category', entries(countsOf(dashboard.childrenByCategory), CATEGORIES));
      bars('chart-level', entries(countsOf(dashboard.childrenByLevel), LEVELS), LEVEL_COLOURS, false);
      levelChanges(changes.buckets);
      const drift = dashboard.driftAlerts || {};
      bars('chart-drift-rule', entries(drift.byRule, DRIFT_RULES), COLOURS[0], true);
      bars('chart-drift-age', entries(drift.byAge, ALERT_AGES), ['#56B4E9', '#0072B2', '#E69F00', '#D55E00'], false);
      const escalations = dashboard.escalations || {};
      const stages = Object.fromEntries(Object.keys(escalations.byStage || {}).map(s => [s, 'Stage ' + s]));
      bars('chart-escalation-stage', entries(escalations.byStage, stages), COLOURS[5], false);
      doughnut('chart-agency', entries(countsOf(dashboard.contributionsByAgency), AGENCIES));
    },

    /** Children counted by category: each child's latest completed assessment names one primary category. */
    childrenAssessed(dashboard) {
      return entries(countsOf(dashboard.childrenByCategory), CATEGORIES).reduce((sum, r) => sum + r.value, 0);
    },
  };
})();
