-- Headless Neovim check of the mm language server (Debian's nvim 0.7: no
-- vim.lsp.start, so start_client + buf_attach_client; newer versions too).
-- usage: MM_SERVER_CMD="node dist/mm.cjs lsp --stdio" nvim --headless -u test/e2e/nvim/init.lua test/e2e/nvim/test.mm
-- Prints one line per check and `N passed, N failed`; exits 0 only when all pass.
local out = function(s) io.stdout:write(s .. '\n') end
local t0 = vim.loop.hrtime()
local function ms() return string.format('%5dms', (vim.loop.hrtime() - t0) / 1e6) end
local cmd = vim.split(os.getenv('MM_SERVER_CMD') or 'node dist/mm.cjs lsp --stdio', ' ', { trimempty = true })

vim.cmd([[autocmd BufRead,BufNewFile *.mm setfiletype minimega]])
local client_id
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'minimega',
  callback = function(args)
    if not client_id then
      client_id = vim.lsp.start_client({
        name = 'mm',
        cmd = cmd,
        root_dir = vim.fn.getcwd(),
        -- Send every change at once (0.7 waits 150 ms by default).
        flags = { debounce_text_changes = 0 },
        on_exit = function(code) if code ~= 0 then out('server exited with ' .. code) end end,
      })
    end
    vim.lsp.buf_attach_client(args.buf, client_id)
  end,
})

local passed, failed = 0, 0
local function check(name, ok, detail)
  out(string.format('[%s] %s %s: %s', ms(), ok and 'ok  ' or 'FAIL', name, detail or ''))
  if ok then passed = passed + 1 else failed = failed + 1 end
end

-- A request at a 1-based line and 0-based column (explicit: normal mode cannot put the cursor after the last character).
local function request(buf, method, line, col)
  local params = { textDocument = vim.lsp.util.make_text_document_params(), position = { line = line - 1, character = col } }
  return vim.lsp.buf_request_sync(buf, method, params, 5000) or {}
end

vim.api.nvim_create_autocmd('VimEnter', { callback = function()
  local buf = vim.api.nvim_get_current_buf()
  -- 1) diagnostics pushed by the server: the unknown command on line 4
  local got = vim.wait(15000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
  local diags = vim.diagnostic.get(buf)
  local d = diags[1]
  check('diagnostics', got and #diags == 1 and d.lnum == 3 and d.message:find('bogus_cmd', 1, true) ~= nil,
    got and string.format('%d: line %d col %d: %s', #diags, d.lnum + 1, d.col + 1, d.message) or 'none within 15s')
  -- 2) completion on the empty line 3: every command
  local labels = {}
  for _, r in pairs(request(buf, 'textDocument/completion', 3, 0)) do
    local items = r.result and (r.result.items or r.result) or {}
    for _, it in ipairs(items) do table.insert(labels, it.label) end
  end
  check('completion', vim.tbl_contains(labels, 'vlans') and vim.tbl_contains(labels, 'vm'), #labels .. ' items: ' .. table.concat(labels, ',', 1, math.min(#labels, 8)))
  -- 3) completion of a VM name the script defines
  vim.api.nvim_buf_set_lines(buf, 2, 3, false, { 'vm start ' })
  labels = {}
  for _, r in pairs(request(buf, 'textDocument/completion', 3, 9)) do
    local items = r.result and (r.result.items or r.result) or {}
    for _, it in ipairs(items) do table.insert(labels, it.label) end
  end
  check('completion of names', vim.tbl_contains(labels, 'web1') and vim.tbl_contains(labels, 'web2'), table.concat(labels, ','))
  -- 4) hover on `vm info` (line 2)
  local text = ''
  for _, r in pairs(request(buf, 'textDocument/hover', 2, 3)) do
    if r.result then text = r.result.contents.value or vim.inspect(r.result.contents) end
  end
  check('hover', text:find('**vm info**', 1, true) ~= nil, (text:gsub('\n.*', '')))
  -- 5) an edit (didChange): a second unknown command on a new first line
  vim.api.nvim_buf_set_lines(buf, 0, 0, false, { 'bogus2' })
  got = vim.wait(5000, function() return #vim.diagnostic.get(buf) == 2 end, 20)
  check('diagnostics after edit', got, tostring(#vim.diagnostic.get(buf)) .. ' diagnostics')
  out(string.format('%d passed, %d failed', passed, failed))
  vim.lsp.stop_client(client_id)
  vim.wait(2000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
  vim.cmd(failed == 0 and 'qa!' or 'cq')
end })
