// Win model page: the calibration chart from the canvas's data-values, and a reload while training runs.
document.addEventListener('DOMContentLoaded', () => {
  const page = document.getElementById('win-model');
  if (page && page.dataset.busy === 'true') {
    setTimeout(() => window.location.reload(), 3000);
  }
  const canvas = document.getElementById('chart-calibration');
  if (!canvas || typeof Chart === 'undefined') {
    return;
  }
  const d = JSON.parse(canvas.dataset.values);
  const rtl = document.documentElement.dir === 'rtl';
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  const chart = new Chart(canvas, {
    type: 'line',
    data: { labels: d.labels, datasets: [
      { label: d.names[0], data: d.predicted, borderColor: '#3b82f6', backgroundColor: '#3b82f6', borderDash: [6, 4] },
      { label: d.names[1], data: d.actual, borderColor: '#10b981', backgroundColor: '#10b981' }] },
    options: { responsive: true, maintainAspectRatio: false, animation: false, locale: document.documentElement.lang,
      plugins: { legend: { rtl: rtl }, tooltip: { rtl: rtl } },
      scales: { x: { reverse: rtl, title: { display: true, text: d.axis } },
        y: { position: rtl ? 'right' : 'left', min: 0, max: 100, ticks: { callback: (v) => v + '%' } } } }
  });
  canvas.dataset.drawn = JSON.stringify(chart.data.datasets.map((s) => s.data));
});
