-- The W3C trace context of the request or record that caused the event, published as the record's
-- traceparent header so the trace goes on in the consumer (null when tracing is off).
alter table outbox_event add column traceparent varchar(55);
