-- The trace an entry was written in (W3C traceparent, null while tracing is off), so that its WebSocket push,
-- which runs later on the live hub's own thread and maybe on another replica, is a span of the same trace.
alter table timeline_entry add column traceparent varchar(55);
