-- Trims one event stream below an id the caller computed from its consumer groups (StreamTrimmer).
-- KEYS[1] the stream; ARGV[1] the smallest id to keep, ARGV[2] '~' (approximate, whole radix-tree
-- nodes only) or '=' (exact), ARGV[3] how many consumer groups the caller saw, ARGV[4] at most how
-- many entries an approximate trim removes (LIMIT; an exact trim takes no limit).
-- Returns the number of entries removed, or -1 when the stream now has another number of groups: a
-- group created since the caller read them (e.g. one replaying from 0) may need what would go, so
-- this run leaves the stream alone and the next one looks again. A missing stream is not created.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 0
end
local info = redis.call('XINFO', 'STREAM', KEYS[1])
for i = 1, #info, 2 do
  if info[i] == 'groups' and info[i + 1] ~= tonumber(ARGV[3]) then
    return -1
  end
end
if ARGV[2] == '~' then
  return redis.call('XTRIM', KEYS[1], 'MINID', '~', ARGV[1], 'LIMIT', ARGV[4])
end
return redis.call('XTRIM', KEYS[1], 'MINID', '=', ARGV[1])
