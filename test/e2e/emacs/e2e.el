;;; e2e.el --- batch Emacs + eglot check of the mm language server  -*- lexical-binding: t -*-
;; usage: MM_SERVER_CMD="node dist/mm.cjs lsp --stdio" emacs --batch -l test/e2e/emacs/e2e.el test/e2e/emacs/test.mm
;; No -Q: Debian's site-start puts elpa-eglot on the load-path (--batch already skips the user's init).
;; Prints one line per check and `N passed, N failed'; exits 0 only when all pass.
(require 'eglot)
(require 'flymake)
(define-derived-mode minimega-mode prog-mode "minimega")
(add-to-list 'auto-mode-alist '("\\.mm\\'" . minimega-mode))
(add-to-list 'eglot-server-programs
             `(minimega-mode . ,(split-string (or (getenv "MM_SERVER_CMD") "node dist/mm.cjs lsp --stdio"))))
(setq eglot-sync-connect t eglot-connect-timeout 20 eglot-autoreconnect nil
      eglot-send-changes-idle-time 0)
(defvar e2e-passed 0)
(defvar e2e-failed 0)
(defvar e2e-t0 (float-time))
(defun e2e-check (name ok detail)
  (if ok (setq e2e-passed (1+ e2e-passed)) (setq e2e-failed (1+ e2e-failed)))
  (princ (format "[%5dms] %s %s: %s\n" (round (* 1000 (- (float-time) e2e-t0))) (if ok "ok  " "FAIL") name detail)))
(defun e2e-wait (pred secs)
  (let ((deadline (+ (float-time) secs)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.02))
    (funcall pred)))
(defun e2e-diags () (flymake-diagnostics))
(defun e2e-at (line col)
  "Position params for 1-based LINE and 0-based COL."
  (list :textDocument (eglot--TextDocumentIdentifier) :position (list :line (1- line) :character col)))
(defun e2e-labels (res)
  (let ((items (if (vectorp res) res (plist-get res :items))))
    (mapcar (lambda (it) (plist-get it :label)) items)))
(condition-case err
    (let* ((buf (find-file-noselect (car command-line-args-left))))
      (setq command-line-args-left nil)
      (with-current-buffer buf
        (flymake-mode 1)
        (apply #'eglot (eglot--guess-contact))
        (let ((server (eglot-current-server)))
          (e2e-check "connect" server (if server (format "%s" (plist-get (eglot--server-info server) :name)) "no server"))
          ;; 1) diagnostics: the unknown command on line 4
          (e2e-wait (lambda () (flymake-start) (e2e-diags)) 15)
          (let ((d (car (e2e-diags))))
            (e2e-check "diagnostics"
                       (and d (= (length (e2e-diags)) 1) (= 4 (line-number-at-pos (flymake-diagnostic-beg d)))
                            (string-match-p "bogus_cmd" (flymake-diagnostic-text d)))
                       (if d (format "line %d: %s" (line-number-at-pos (flymake-diagnostic-beg d)) (flymake-diagnostic-text d)) "none")))
          ;; 2) completion on the empty line 3
          (let ((labels (e2e-labels (jsonrpc-request server :textDocument/completion (e2e-at 3 0)))))
            (e2e-check "completion" (and (member "vlans" labels) (member "vm" labels)) (format "%d items" (length labels))))
          ;; 3) hover on `vm info` (line 2)
          (let* ((res (jsonrpc-request server :textDocument/hover (e2e-at 2 3)))
                 (text (plist-get (plist-get res :contents) :value)))
            (e2e-check "hover" (and text (string-match-p "\\*\\*vm info\\*\\*" text)) (car (split-string (or text "") "\n"))))
          ;; 4) an edit (didChange), then completion of the VM names the script defines
          (goto-char (point-min)) (forward-line 2) (insert "vm start ")
          (eglot--signal-textDocument/didChange)
          (let ((labels (e2e-labels (jsonrpc-request server :textDocument/completion (e2e-at 3 9)))))
            (e2e-check "completion after edit" (and (member "web1" labels) (member "web2" labels)) (mapconcat #'identity labels ",")))
          ;; 5) diagnostics after an edit: a second unknown command on a new first line
          (goto-char (point-min)) (insert "bogus2\n")
          (eglot--signal-textDocument/didChange)
          (e2e-wait (lambda () (flymake-start) (= (length (e2e-diags)) 2)) 10)
          (e2e-check "diagnostics after edit" (= (length (e2e-diags)) 2) (format "%d diagnostics" (length (e2e-diags))))
          (set-buffer-modified-p nil)
          (eglot-shutdown server))))
  (error (e2e-check "run" nil (error-message-string err))))
(princ (format "%d passed, %d failed\n" e2e-passed e2e-failed))
(kill-emacs (if (> e2e-failed 0) 1 0))
