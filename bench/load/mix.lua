-- wrk script: each request takes a random path from a list (home, issues, articles, tags,
-- search and API in the proportions the list was written with).
local paths = {}

function init(args)
  local file = io.open(args[1], "r")
  for line in file:lines() do
    if #line > 0 then paths[#paths + 1] = line end
  end
  file:close()
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end
