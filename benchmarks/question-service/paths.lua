-- wrk script: every request takes a random path from PATHS_FILE (the same file the open-model tool reads),
-- with the bearer token from TOKEN (none when TOKEN is empty: the peer takes no token).
local paths = {}
local token = os.getenv("TOKEN")
local file = os.getenv("PATHS_FILE")

function init(args)
  for line in io.lines(file) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

function request()
  local headers = {}
  if token ~= nil and #token > 0 then headers["Authorization"] = "Bearer " .. token end
  return wrk.format("GET", paths[math.random(#paths)], headers)
end

local failures = 0
function response(status, headers, body)
  if status ~= 200 then failures = failures + 1 end
end
