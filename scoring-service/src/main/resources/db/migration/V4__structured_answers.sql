-- The structured part of a STRUCTURED_METRICS answer (ranked metrics, decision threshold): evidence points into it.
alter table answer add column structured text;
