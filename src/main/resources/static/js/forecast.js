// Forecast page: the period applies as soon as it changes; the accuracy chart is drawn from its data-values JSON.
document.addEventListener('DOMContentLoaded', () => {
  const form = document.querySelector('form[data-autosubmit]');
  if (form) {
    form.querySelectorAll('select').forEach((select) => select.addEventListener('change', () => form.requestSubmit()));
  }
  if (typeof Chart === 'undefined') {
    return;
  }
  const rtl = document.documentElement.dir === 'rtl';
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  document.querySelectorAll('canvas[data-chart="accuracy"]').forEach((canvas) => {
    const d = JSON.parse(canvas.dataset.values);
    const chart = new Chart(canvas, { type: 'bar',
      data: { labels: d.labels, datasets: [{ label: d.name, data: d.values, backgroundColor: '#f59e0b' }] },
      options: { responsive: true, maintainAspectRatio: false, animation: false, indexAxis: 'y',
        locale: document.documentElement.lang,
        plugins: { legend: { display: false, rtl: rtl }, tooltip: { rtl: rtl } },
        scales: { x: { reverse: rtl, beginAtZero: true }, y: { position: rtl ? 'right' : 'left' } } } });
    canvas.dataset.drawn = JSON.stringify(chart.data.datasets.map((s) => s.data));
  });
});
