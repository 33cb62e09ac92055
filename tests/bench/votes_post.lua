-- wrk script for shell/bench.sh: every request a vote of a new voter (so the store grows: the
-- RSS check sees many distinct votes), alternating tools and verdicts.
--   wrk -s votes_post.lua URL -- RUN     (RUN: a word that makes this run's voters new)
local next_thread = 0
function setup(thread)
  thread:set("thread_id", next_thread)
  next_thread = next_thread + 1
end
function init(args)
  n = 0
  prefix = string.format("wrk-%s-%d-", args[1] or "0", thread_id)
end
request = function()
  n = n + 1
  local tool = (n % 2 == 0) and "haiku" or "mistral-4b"
  local verdict = (n % 3 == 0) and "skip" or "ship"
  local body = string.format('{"tool":"%s","verdict":"%s","voter":"%s%012d"}', tool, verdict, prefix, n)
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
end
