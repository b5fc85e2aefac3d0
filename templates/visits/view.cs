<?cs # visits/view.cs — one return visit: client and contact, method and due date, the on-site agreement, appointment attempts, the report (《客户回访情况表》) with its deadline, signed scans, the timeline, and the actions the user may take ?>
<?cs # every action sends the version it was shown: a second action from the same state is refused ?>
<?cs def:action_keys() ?><?cs call:csrf() ?><input type="hidden" name="version" value="<?cs var:V.version ?>"><?cs /def ?>
<?cs if:Page.Error ?><div class="alert alert-error" role="alert" id="action-error"><?cs var:L.Visit.Msg[Page.Error] ?></div><?cs /if ?>
<?cs call:form_errors() ?>
<div class="toolbar"><h1><?cs var:L.Visit.Title ?> #<?cs var:V.id ?> · <?cs var:V.client_name ?></h1>
<span class="spacer"></span><span class="badge stage" id="status"><?cs var:L.Visit.Statuses[V.status] ?></span>
<a class="button" href="<?cs var:URL.visits ?>/<?cs var:V.id ?>/print"><?cs var:L.Visit.Print ?></a></div>
<?cs if:V.overdue == "1" ?><div class="alert alert-error" role="status" id="overdue"><?cs var:L.Visit.ReportOverdue ?> <?cs var:V.report_due ?></div><?cs /if ?>
<?cs if:V.close_note ?><div class="alert alert-warn" role="status" id="close-note"><strong><?cs var:L.Visit.Statuses[V.status] ?></strong> · <?cs var:L.Visit.CloseNote ?><br><span class="pre"><?cs var:V.close_note ?></span></div><?cs /if ?>
<div class="grid">
<section class="card" aria-labelledby="h-facts"><h2 id="h-facts"><?cs var:L.Visit.Facts ?></h2>
<dl class="facts">
<dt><?cs var:L.Visit.Client ?></dt><dd><?cs var:V.client_name ?><?cs if:V.premium == "1" ?> <span class="badge"><?cs var:L.Visit.Tiers.premium ?></span><?cs /if ?></dd>
<dt><?cs var:L.Visit.Contact ?></dt><dd id="contact"><?cs if:V.contact_name ?><?cs var:V.contact_name ?><?cs else ?>—<?cs /if ?><?cs if:V.contact_role ?> · <?cs alt:L.Visit.Role[V.contact_role] ?><?cs var:V.contact_role ?><?cs /alt ?><?cs /if ?><?cs if:V.client_phone ?><br><small><?cs var:V.client_phone ?></small><?cs /if ?></dd>
<dt><?cs var:L.Visit.Method ?></dt><dd id="method"><?cs var:L.Visit.Methods[V.method] ?></dd>
<dt><?cs var:L.Visit.Origin ?></dt><dd><?cs var:L.Visit.Origins[V.origin] ?></dd>
<dt><?cs var:L.Visit.DueOn ?></dt><dd><?cs var:V.due_on ?></dd>
<dt><?cs var:L.Visit.Visitor ?></dt><dd id="visitor"><?cs if:V.visitor_name ?><?cs var:V.visitor_name ?><?cs else ?>—<?cs /if ?><?cs if:V.dept_name ?> · <?cs var:V.dept_name ?><?cs /if ?></dd>
<?cs if:V.plan_purpose ?><dt><?cs var:L.Visits.Purpose ?></dt><dd class="pre"><?cs var:V.plan_purpose ?></dd><?cs /if ?>
<?cs if:subcount(Staff) ?><dt><?cs var:L.Visits.Staff ?></dt><dd><?cs each:s = Staff ?><?cs var:s.name ?><?cs if:!last(s) ?>、<?cs /if ?><?cs /each ?></dd><?cs /if ?>
<?cs if:V.creator_name ?><dt><?cs var:L.Visit.PlannedBy ?></dt><dd><?cs var:V.creator_name ?> · <?cs var:V.created_at ?></dd><?cs /if ?>
<?cs if:V.visited_on ?><dt><?cs var:L.Visit.VisitedOn ?></dt><dd id="visited-on"><?cs var:V.visited_on ?></dd>
<dt><?cs var:L.Visit.ReportDue ?></dt><dd id="report-due"><?cs var:V.report_due ?></dd><?cs /if ?>
</dl></section>
<?cs if:V.method == "onsite" ?><section class="card" aria-labelledby="h-agree"><h2 id="h-agree"><?cs var:L.Visit.Agreement ?></h2>
<?cs if:V.agreed_at ?><dl class="facts" id="agreement"><dt><?cs var:L.Visit.AgreedAt ?></dt><dd><?cs var:V.agreed_at ?></dd>
<dt><?cs var:L.Visit.AgreedWith ?></dt><dd><?cs var:V.agreed_with_name ?></dd>
<dt><?cs var:L.Visit.AgreedTopics ?></dt><dd class="pre"><?cs var:V.agreed_topics ?></dd></dl><?cs else ?><p class="hint"><?cs var:L.Visit.AgreeHint ?></p><?cs /if ?>
<?cs if:Can.Agree == "1" ?><form method="post" action="<?cs var:URL.visits ?>/<?cs var:V.id ?>/agree" class="form" id="agree"><?cs call:action_keys() ?>
<div class="form-grid"><?cs call:field("agreed_at", L.Visit.AgreedAt, "datetime-local", 1) ?>
<?cs call:select("agreed_with", L.Visit.AgreedWith, Opt.Business, 1) ?></div>
<?cs call:textarea("agreed_topics", L.Visit.AgreedTopics, 1) ?>
<div class="actions"><button type="submit"><?cs var:L.Visit.SaveAgreement ?></button></div></form><?cs /if ?>
</section><?cs /if ?>
</div>
<section class="card" aria-labelledby="h-attempts"><h2 id="h-attempts"><?cs var:L.Visit.Attempts ?> <small>(<?cs var:L.Visit.FailedCount ?> <span id="failed"><?cs var:V.failed_attempts ?></span>/3)</small></h2>
<?cs if:subcount(Attempts) ?><table class="attempts"><thead><tr><th scope="col"><?cs var:L.Visit.TriedAt ?></th><th scope="col"><?cs var:L.Visit.How ?></th><th scope="col"><?cs var:L.Visit.Outcome ?></th><th scope="col"><?cs var:L.Visit.Note ?></th></tr></thead>
<tbody><?cs each:a = Attempts ?><tr class="outcome-<?cs var:a.outcome ?>"><td class="nowrap"><?cs var:a.tried_at ?><br><small><?cs var:a.user_name ?></small></td><td><?cs var:L.Visit.Methods[a.method] ?></td><td><?cs var:L.Visit.Outcomes[a.outcome] ?></td><td class="pre"><?cs var:a.note ?></td></tr><?cs /each ?></tbody></table>
<?cs else ?><p class="empty"><?cs var:L.Visit.NoAttempts ?></p><?cs /if ?>
<?cs if:Can.Attempt == "1" ?><form method="post" action="<?cs var:URL.visits ?>/<?cs var:V.id ?>/attempt" class="form" id="attempt"><?cs call:action_keys() ?>
<div class="form-grid"><?cs call:field("tried_at", L.Visit.TriedAtHint, "datetime-local", 0) ?>
<?cs call:select("how", L.Visit.How, Opt.Methods, 1) ?>
<?cs call:select("outcome", L.Visit.Outcome, Opt.Outcomes, 1) ?></div>
<?cs if:Page.LastTry == "1" ?><p class="hint" id="last-try"><?cs var:L.Visit.LastTryHint ?></p><?cs /if ?>
<?cs call:textarea("note", L.Visit.NoteSpecial, 0) ?>
<div class="actions"><button type="submit"><?cs var:L.Visit.RecordAttempt ?></button></div></form><?cs /if ?>
<?cs if:Can.Visited == "1" ?><form method="post" action="<?cs var:URL.visits ?>/<?cs var:V.id ?>/visited" class="form" id="visited"><?cs call:action_keys() ?>
<p class="hint"><?cs var:L.Visit.VisitedHint ?></p>
<div class="form-grid"><?cs call:field("visited_on", L.Visit.VisitedOn, "date", 1) ?></div>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Visit.RecordVisited ?></button></div></form><?cs /if ?>
</section>
<?cs if:V.visited_on ?><section class="card" aria-labelledby="h-report"><h2 id="h-report"><?cs var:L.Visit.Report ?></h2>
<?cs if:V.submitted_at ?><dl class="facts" id="report">
<dt><?cs var:L.Visit.SubmittedAt ?></dt><dd><?cs var:V.submitted_at ?></dd>
<dt><?cs var:L.Visit.Discussed ?></dt><dd class="pre"><?cs var:V.discussed ?></dd>
<dt><?cs var:L.Visit.Opinions ?></dt><dd class="pre"><?cs var:V.opinions ?></dd>
<dt><?cs var:L.Visit.Satisfaction ?></dt><dd id="satisfaction"><?cs var:V.satisfaction ?>/5 · <?cs var:L.Visit.Levels[V.satisfaction] ?></dd>
<dt><?cs var:L.Visit.Actions ?></dt><dd class="pre"><?cs var:V.actions ?></dd>
<?cs if:V.method == "onsite" ?><dt><?cs var:L.Visit.Signed ?></dt><dd id="signed"><?cs if:V.signed_ == "1" ?><?cs var:L.Common.Yes ?><?cs else ?><?cs var:L.Common.No ?><?cs /if ?></dd><?cs /if ?>
<?cs if:V.guidance ?><dt><?cs var:L.Visit.Guidance ?></dt><dd class="pre"><?cs var:V.guidance ?></dd><?cs /if ?>
</dl><?cs /if ?>
<?cs if:Can.Report == "1" ?><form method="post" action="<?cs var:URL.visits ?>/<?cs var:V.id ?>/report" class="form" id="report-form"><?cs call:action_keys() ?>
<?cs call:textarea("discussed", L.Visit.Discussed, 1) ?>
<?cs call:textarea("opinions", L.Visit.Opinions, 0) ?>
<div class="field<?cs if:Form.satisfaction.Error ?> has-error<?cs /if ?>"><?cs call:label("satisfaction", L.Visit.SatisfactionHint, 1) ?>
<input type="number" min="1" max="5"<?cs call:field_attrs("satisfaction", 1) ?> value="<?cs var:Form.satisfaction ?>">
<?cs call:field_error("satisfaction") ?></div>
<?cs call:textarea("actions", L.Visit.Actions, 0) ?>
<?cs if:V.method == "onsite" ?><div class="field field-check<?cs if:Form.signed.Error ?> has-error<?cs /if ?>"><input type="checkbox" id="f-signed" name="signed" value="1"<?cs if:Form.signed ?> checked<?cs /if ?><?cs if:Form.signed.Error ?> aria-invalid="true" aria-describedby="e-signed"<?cs /if ?>>
<label for="f-signed"><?cs var:L.Visit.SignedBox ?></label><?cs call:field_error("signed") ?></div><?cs /if ?>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Visit.SubmitReport ?></button></div></form><?cs /if ?>
</section><?cs /if ?>
<?cs if:V.method == "onsite" && (subcount(Files) || Can.Scan == "1") ?><section class="card" aria-labelledby="h-scans"><h2 id="h-scans"><?cs var:L.Visit.Scans ?></h2>
<?cs if:subcount(Files) ?><ul class="list files" id="scans"><?cs each:f = Files ?><li><a href="<?cs var:URL.visits ?>/<?cs var:V.id ?>/scan/<?cs var:f.id ?>"><?cs var:f.orig_name ?></a> <small><?cs var:f.created_at ?> · <?cs var:f.user_name ?></small></li><?cs /each ?></ul><?cs /if ?>
<?cs if:Can.Scan == "1" ?><form method="post" action="<?cs var:URL.visits ?>/<?cs var:V.id ?>/scan" class="form" id="scan-form" enctype="multipart/form-data"><?cs call:action_keys() ?>
<div class="field<?cs if:Form.scan.Error ?> has-error<?cs /if ?>"><?cs call:label("scan", L.Visit.ScanFile, 1) ?>
<input type="file" accept="application/pdf,image/jpeg,image/png"<?cs call:field_attrs("scan", 1) ?>>
<?cs call:field_error("scan") ?></div>
<div class="actions"><button type="submit"><?cs var:L.Visit.Upload ?></button></div></form><?cs /if ?>
</section><?cs /if ?>
<?cs # review and archive (supervisor guidance, the keeper, the mail to the client): their sections go here ?>
<?cs if:Can.Cancel == "1" ?><section class="card" aria-labelledby="h-cancel"><h2 id="h-cancel"><?cs var:L.Visit.Cancel ?></h2>
<form method="post" action="<?cs var:URL.visits ?>/<?cs var:V.id ?>/cancel" class="form" id="cancel"><?cs call:action_keys() ?>
<?cs call:textarea("cancel_note", L.Visit.CancelNote, 1) ?>
<div class="actions"><button type="submit"><?cs var:L.Visit.Cancel ?></button></div></form></section><?cs /if ?>
<?cs if:V.submitted_at ?><?cs include:"visits/after_part.cs" ?><?cs /if ?>
<section class="card" aria-labelledby="h-timeline"><h2 id="h-timeline"><?cs var:L.Visit.Timeline ?></h2>
<ol class="timeline" id="timeline"><?cs each:e = Events ?><li class="ev-<?cs var:e.kind ?>"><div class="ev-head"><strong><?cs alt:L.Visit.Event[e.kind] ?><?cs var:e.kind ?><?cs /alt ?></strong> <small><?cs var:e.at ?><?cs if:e.user_name ?> · <?cs var:e.user_name ?><?cs /if ?></small></div>
<?cs if:e.body ?><p class="pre"><?cs alt:L.Visit.Origins[e.body] ?><?cs var:e.body ?><?cs /alt ?></p><?cs /if ?></li><?cs /each ?></ol>
</section>
