// Dashboard: filters apply as soon as one changes; charts are drawn from each canvas's data-values JSON.
document.addEventListener('DOMContentLoaded', () => {
  const form = document.querySelector('form[data-autosubmit]');
  if (form) {
    form.querySelectorAll('select').forEach((select) => select.addEventListener('change', () => form.requestSubmit()));
  }
  if (typeof Chart === 'undefined') {
    return;
  }
  const rtl = document.documentElement.dir === 'rtl';
  const font = getComputedStyle(document.body).fontFamily;
  Chart.defaults.font.family = font;
  const base = { responsive: true, maintainAspectRatio: false, animation: false, locale: document.documentElement.lang,
    plugins: { legend: { rtl: rtl, labels: { boxWidth: 12 } }, tooltip: { rtl: rtl } } };
  const colors = ['#3b82f6', '#10b981', '#f59e0b', '#ef4444', '#8b5cf6', '#14b8a6', '#64748b', '#ec4899'];
  const draw = {
    funnel: (d) => ({ type: 'bar', data: { labels: d.labels, datasets: [{ label: d.name, data: d.values,
      backgroundColor: colors }] }, options: { ...base, indexAxis: 'y', plugins: { ...base.plugins, legend: { display: false } },
      scales: { x: { reverse: rtl, beginAtZero: true } } } }),
    gauge: (d) => {
      const value = d.value === null ? 0 : Number(d.value);
      const max = Math.max(Number(d.guideline), value);
      return { type: 'doughnut', data: { labels: d.labels, datasets: [{ data: [value, Math.max(max - value, 0)],
        backgroundColor: [value >= Number(d.guideline) ? '#10b981' : value >= 1 ? '#f59e0b' : '#ef4444', '#e5e7eb'] }] },
      options: { ...base, rotation: -90, circumference: 180, cutout: '70%', plugins: { ...base.plugins, legend: { display: false } } } };
    },
    trend: (d) => ({ type: 'bar', data: { labels: d.labels, datasets: [
      { label: d.names[0], data: d.wonAmount, backgroundColor: '#3b82f6', yAxisID: 'amount' },
      { label: d.names[1], data: d.won, type: 'line', borderColor: '#10b981', yAxisID: 'count' },
      { label: d.names[2], data: d.lost, type: 'line', borderColor: '#ef4444', yAxisID: 'count' }] },
      options: { ...base, scales: { x: { reverse: rtl }, amount: { position: rtl ? 'right' : 'left', beginAtZero: true },
        count: { position: rtl ? 'left' : 'right', beginAtZero: true, grid: { drawOnChartArea: false } } } } }),
    forecast: (d) => ({ type: 'bar', data: { labels: d.labels, datasets: [
      { label: d.names[0], data: d.commit, backgroundColor: '#10b981' },
      { label: d.names[1], data: d.bestCase, backgroundColor: '#93c5fd' },
      { label: d.names[2], data: d.weighted, backgroundColor: '#f59e0b' }] },
      options: { ...base, scales: { x: { reverse: rtl }, y: { position: rtl ? 'right' : 'left', beginAtZero: true } } } }),
    reasons: (d) => ({ type: 'bar', data: { labels: d.labels, datasets: [{ label: d.name, data: d.values,
      backgroundColor: '#ef4444' }] }, options: { ...base, indexAxis: 'y', plugins: { ...base.plugins, legend: { display: false } },
      scales: { x: { reverse: rtl, beginAtZero: true }, y: { position: rtl ? 'right' : 'left' } } } })
  };
  document.querySelectorAll('canvas[data-chart]').forEach((canvas) => {
    const make = draw[canvas.dataset.chart];
    if (make) {
      const chart = new Chart(canvas, make(JSON.parse(canvas.dataset.values)));
      canvas.dataset.drawn = JSON.stringify(chart.data.datasets.map((s) => s.data));
    }
  });
});
