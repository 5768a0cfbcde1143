-- Each request's hold on its Idempotency-Key, so that one that takes a lost claim over is told apart from the first.
alter table idempotency_keys add column token text;
