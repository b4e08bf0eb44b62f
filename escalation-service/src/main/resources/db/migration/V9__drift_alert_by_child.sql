-- The alerts a child's evaluation reconciles: without it every evaluation read the whole table, and the daily scan
-- slowed with every alert it raised (docs/performance.md, P7).
create index drift_alert_open_by_child on drift_alert (child_ref) where status <> 'CLEARED';
