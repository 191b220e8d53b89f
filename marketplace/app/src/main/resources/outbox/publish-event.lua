-- Appends one outbox event to its stream at most once, however often the relay retries it.
-- KEYS[1] the event's dedupe key, KEYS[2] the stream;
-- ARGV[1] dedupe TTL in seconds, ARGV[2..] the entry's field/value pairs (EventEnvelope order).
-- A script runs atomically, so "the key exists" always means "the entry was appended": a relay that
-- died after this script but before marking its row published finds the key on the retry and
-- appends nothing. The key keeps the entry id for whoever investigates.
local existing = redis.call('GET', KEYS[1])
if existing then
  return 'present ' .. existing
end
local id = redis.call('XADD', KEYS[2], '*', unpack(ARGV, 2))
redis.call('SET', KEYS[1], id, 'EX', ARGV[1])
return 'appended ' .. id
