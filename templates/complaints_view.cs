<?cs # complaints_view.cs — one complaint: its data, deadlines, attachments, timeline and the actions the user may take ?>
<?cs # every action sends the version it was shown: a second action from the same state is refused ?>
<?cs def:action_keys() ?><?cs call:csrf() ?><input type="hidden" name="version" value="<?cs var:C.version ?>"><?cs /def ?>
<?cs if:Created.Code ?><?cs include:"complaints_code.cs" ?><?cs /if ?>
<?cs if:Page.Error ?><div class="alert alert-error" role="alert" id="action-error"><?cs var:L.Complaints.Msg[Page.Error] ?></div><?cs /if ?>
<?cs call:form_errors() ?>
<div class="toolbar complaint-head"><h1><?cs var:L.Complaint.Title ?> <?cs var:C.tracking_no ?></h1>
<a class="button" id="print-link" href="<?cs var:URL.complaints ?>/<?cs var:C.id ?>/print"><?cs var:L.Complaints.Print.Link ?></a>
<span class="spacer"></span>
<?cs if:C.severity ?><span class="badge sev-<?cs var:C.severity ?>"><?cs var:L.Complaint.Severities[C.severity] ?></span><?cs else ?><span class="badge off"><?cs var:L.Complaint.Unclassified ?></span><?cs /if ?>
<span class="badge stage"><?cs var:L.Complaint.Stages[C.stage] ?></span>
<?cs if:C.overdue == "1" ?><span class="badge overdue"><?cs var:L.Complaint.Overdue ?></span><?cs /if ?>
<?cs if:C.waiting_since ?><span class="badge waiting"><?cs var:L.Complaint.Waiting ?></span><?cs /if ?>
<?cs if:C.trust != "ok" ?><span class="badge overdue" id="trust"><?cs var:L.Complaints.Suspect.Badge[C.trust] ?> · <?cs var:L.Complaints.Suspect.Why[C.suspect_reason] ?></span><?cs /if ?>
</div>
<?cs if:Access.about_you ?><div class="alert alert-info" role="note" id="access-note"><?cs var:L.Complaints.Access.AboutYou ?></div><?cs elif:Access.read_only ?><div class="alert alert-info" role="note" id="access-note"><?cs var:L.Complaints.Access.ReadOnly ?></div><?cs /if ?>
<?cs if:C.duplicate_of ?><div class="alert alert-info" role="note" id="duplicate-of"><?cs var:L.Complaints.Duplicate.Of ?> <a href="<?cs var:URL.complaints ?>/<?cs var:C.duplicate_of ?>"><?cs var:C.duplicate_of_no ?></a></div><?cs /if ?>
<?cs if:subcount(Duplicates) ?><div class="alert alert-info" role="note" id="duplicates"><?cs var:L.Complaints.Duplicate.Has ?> <?cs each:d = Duplicates ?><a href="<?cs var:URL.complaints ?>/<?cs var:d.id ?>"><?cs var:d.tracking_no ?></a> <?cs /each ?></div><?cs /if ?>
<div class="grid complaint-grid">
<section class="card" aria-labelledby="h-facts"><h2 id="h-facts"><?cs var:L.Complaints.Facts ?></h2>
<dl class="facts">
<dt><?cs var:L.Complaints.Complainant ?></dt><dd><?cs var:C.name ?></dd>
<?cs if:C.phone ?><dt><?cs var:L.Complaint.Phone ?></dt><dd id="c-phone"><?cs var:C.phone_shown ?></dd><?cs /if ?>
<?cs if:C.email ?><dt><?cs var:L.Complaint.Email ?></dt><dd><?cs var:C.email ?></dd><?cs /if ?>
<?cs if:C.company ?><dt><?cs var:L.Complaint.Company ?></dt><dd><?cs var:C.company ?></dd><?cs /if ?>
<?cs if:C.client_name ?><dt><?cs var:L.Complaint.Client ?></dt><dd><?cs if:Perm.client_read ?><a id="client-link" href="<?cs var:URL.clients ?>/<?cs var:C.client_id ?>"><?cs var:C.client_name ?></a><?cs else ?><?cs var:C.client_name ?><?cs /if ?> · <a href="<?cs var:URL.complaints ?>/?tab=all&amp;client=<?cs var:C.client_id ?>"><?cs var:L.Complaints.MoreOfClient ?></a></dd><?cs /if ?>
<?cs if:C.subject_text ?><dt><?cs var:L.Complaint.Subject ?></dt><dd><?cs var:C.subject_text ?></dd><?cs /if ?>
<?cs if:C.advisor_name ?><dt><?cs var:L.Complaint.Advisor ?></dt><dd><?cs var:C.advisor_name ?></dd><?cs /if ?>
<?cs if:C.happened_on ?><dt><?cs var:L.Complaint.HappenedOn ?></dt><dd><?cs var:C.happened_on ?></dd><?cs /if ?>
<dt><?cs var:L.Complaint.Source ?></dt><dd><?cs var:L.Complaint.Sources[C.source] ?><?cs if:FromVisit.visit_id ?> · <a href="<?cs var:URL.visits ?>/<?cs var:FromVisit.visit_id ?>" id="from-visit"><?cs var:L.VisitReview.FromVisit ?> #<?cs var:FromVisit.visit_id ?></a><?cs /if ?></dd>
<dt><?cs var:L.Complaints.Created ?></dt><dd><?cs var:C.created_at ?><?cs if:C.created_by_name ?> · <?cs var:C.created_by_name ?><?cs /if ?></dd>
</dl>
<h3><?cs var:L.Complaint.Description ?></h3>
<p class="pre"><?cs var:C.description ?></p>
<h3><?cs var:L.Complaints.Attachments ?></h3>
<?cs if:subcount(Files) ?><ul class="list"><?cs each:f = Files ?><li><a href="<?cs var:URL.complaints ?>/<?cs var:C.id ?>/file/<?cs var:f.id ?>"><?cs var:f.orig_name ?></a> <small>(<?cs var:f.ctype ?>, <?cs var:f.size ?> B)</small></li><?cs /each ?></ul><?cs else ?><p class="empty"><?cs var:L.Complaints.NoAttachments ?></p><?cs /if ?>
</section>
<section class="card" aria-labelledby="h-handling"><h2 id="h-handling"><?cs var:L.Complaints.Handling ?></h2>
<dl class="facts">
<dt><?cs var:L.Complaint.Severity ?></dt><dd><?cs if:C.severity ?><?cs var:L.Complaint.Severities[C.severity] ?><br><small><?cs var:L.Complaint.SeverityHelp[C.severity] ?></small><?cs else ?><?cs var:L.Complaint.Unclassified ?><?cs /if ?></dd>
<dt><?cs var:L.Complaint.Stage ?></dt><dd><?cs var:L.Complaint.Stages[C.stage] ?></dd>
<dt><?cs var:L.Complaint.Department ?></dt><dd><?cs if:C.dept_name ?><?cs var:C.dept_name ?><?cs else ?>—<?cs /if ?></dd>
<dt><?cs var:L.Complaint.Owner ?></dt><dd><?cs if:C.owner_name ?><?cs var:C.owner_name ?><?cs else ?>—<?cs /if ?></dd>
<dt><?cs var:L.Complaint.ResponseDue ?></dt><dd id="response-due"><?cs if:C.response_due ?><?cs var:C.response_due ?><?cs else ?>—<?cs /if ?><?cs if:C.response_overdue == "1" ?> <span class="badge overdue"><?cs var:L.Complaints.ResponseOverdue ?></span><?cs /if ?><?cs if:C.response_escalation > 0 ?> <span class="badge overdue" id="response-escalation"><?cs var:L.Complaints.Escalation[C.response_escalation] ?></span><?cs /if ?><?cs if:C.responded_at ?><br><small><?cs var:L.Complaints.RespondedAt ?>: <?cs var:C.responded_at ?></small><?cs /if ?></dd>
<dt><?cs var:L.Complaint.ResolutionDue ?></dt><dd id="resolution-due"><?cs if:C.resolution_due ?><?cs var:C.resolution_due ?><?cs else ?>—<?cs /if ?><?cs if:C.overdue == "1" ?> <span class="badge overdue"><?cs var:L.Complaint.Overdue ?></span><?cs /if ?><?cs if:C.resolved_at ?><br><small><?cs var:L.Complaints.ResolvedAt ?>: <?cs var:C.resolved_at ?></small><?cs /if ?><?cs if:Calendar.DueMayMove ?><br><small class="warn" id="due-may-move"><?cs var:L.CalendarWatch.DueMayMove ?></small><?cs /if ?></dd>
<?cs if:C.waiting_since ?><dt><?cs var:L.Complaint.Waiting ?></dt><dd><?cs var:L.Complaints.WaitingSince ?> <?cs var:C.waiting_since ?></dd><?cs /if ?>
<?cs if:C.escalation > 0 ?><dt><?cs var:L.Complaint.Events.escalated ?></dt><dd><span class="badge overdue"><?cs var:L.Complaints.Escalation[C.escalation] ?></span></dd><?cs /if ?>
<?cs if:C.closed_at ?><dt><?cs var:L.Complaints.ClosedAt ?></dt><dd><?cs var:C.closed_at ?></dd><?cs /if ?>
<?cs # the follow-up (后续跟踪) is a return visit; a complaint naming no client record has none ?><?cs if:Followup.id ?><dt><?cs var:L.VisitJobs.Followup ?></dt><dd id="followup-visit"><a href="<?cs var:URL.visits ?>/<?cs var:Followup.id ?>"><?cs var:L.VisitJobs.Number ?> <?cs var:Followup.id ?></a> · <?cs var:L.VisitJobs.Statuses[Followup.status] ?><?cs if:Followup.visitor ?> · <?cs var:Followup.visitor ?><?cs /if ?> · <?cs var:L.VisitJobs.Due ?> <?cs var:Followup.due_on ?><?cs if:Followup.satisfaction ?><br><?cs var:L.VisitJobs.FollowupSatisfaction ?>: <strong id="followup-satisfaction"><?cs var:Followup.satisfaction ?> / 5</strong><?cs /if ?></dd>
<?cs elif:!C.client_id && (C.stage == "resolved" || C.stage == "followup") ?><dt><?cs var:L.VisitJobs.Followup ?></dt><dd id="followup-no-client"><?cs var:L.VisitJobs.FollowupNoClient ?></dd>
<?cs /if ?><?cs if:C.rating ?><dt><?cs var:L.Complaint.Rating ?></dt><dd><?cs var:C.rating ?> / 5<?cs if:C.rating_comment ?><br><span class="pre"><?cs var:C.rating_comment ?></span><?cs /if ?></dd><?cs /if ?>
</dl>
<?cs if:C.root_cause ?><h3><?cs var:L.Complaint.RootCause ?></h3><p class="pre"><?cs var:C.root_cause ?></p><?cs /if ?>
<?cs if:C.corrective_action ?><h3><?cs var:L.Complaint.CorrectiveAction ?></h3><p class="pre"><?cs var:C.corrective_action ?></p><?cs /if ?>
</section>
</div>
<section class="card" aria-labelledby="h-timeline"><h2 id="h-timeline"><?cs var:L.Complaints.Timeline ?></h2>
<?cs include:"complaint_timeline.cs" ?>
</section>
<?cs if:C.trust == "suspected" && Perm.complaint_classify ?>
<section class="card action-suspected" aria-labelledby="h-suspected"><h2 id="h-suspected"><?cs var:L.Complaints.Suspect.Title ?></h2>
<p class="hint"><?cs var:L.Complaints.Suspect.Hint ?></p>
<form method="post" action="<?cs var:URL.complaints ?>/<?cs var:C.id ?>/release" class="form"><?cs call:csrf() ?>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Complaints.Suspect.Release ?></button></div>
</form>
<form method="post" action="<?cs var:URL.complaints ?>/<?cs var:C.id ?>/discard" class="form"><?cs call:csrf() ?>
<?cs call:textarea("discard_reason", L.Complaints.Suspect.Reason, 1) ?>
<div class="actions"><button type="submit"><?cs var:L.Complaints.Suspect.Discard ?></button></div>
</form></section>
<?cs /if ?>
<?cs if:Access.answer ?>
<section class="card action-answer" aria-labelledby="h-answer"><h2 id="h-answer"><span class="badge public"><?cs var:L.Complaints.Public ?></span> <?cs var:L.Complaints.Answer.Title ?></h2>
<p class="hint"><?cs var:L.Complaints.Answer.Hint ?></p>
<form method="post" action="<?cs var:URL.complaints ?>/<?cs var:C.id ?>/answer" class="form"><?cs call:action_keys() ?>
<?cs call:textarea("answer", L.Complaints.Answer.Text, 1) ?>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Complaints.Answer.Submit ?></button></div>
</form></section>
<?cs /if ?>
<?cs if:C.stage != "closed" && C.trust == "ok" && (Perm.complaint_write || Perm.complaint_classify) && !Access.about_you && !Access.read_only ?>
<h2 id="h-actions"><?cs var:L.Complaints.Actions ?></h2>
<div class="grid complaint-actions">
<?cs if:Perm.complaint_write ?>
<section class="card action-stage" aria-labelledby="h-stage"><h3 id="h-stage"><?cs var:L.Complaints.Stage.Title ?></h3>
<form method="post" action="<?cs var:URL.complaints ?>/<?cs var:C.id ?>/stage" class="form"><?cs call:action_keys() ?>
<input type="hidden" name="to" value="<?cs var:Next.stage ?>">
<p><?cs var:L.Complaints.Stage.Next ?>: <strong><?cs var:L.Complaint.Stages[Next.stage] ?></strong></p>
<?cs if:Next.stage == "investigating" && !C.severity ?><p class="hint"><?cs var:L.Complaints.Stage.NeedsClassify ?></p><?cs /if ?>
<?cs if:Next.stage == "resolved" ?><?cs call:textarea("done", L.Complaints.Stage.Done, 1) ?><p class="hint"><?cs var:L.Complaints.Stage.DoneHint ?></p><?cs /if ?>
<?cs if:Next.stage == "followup" ?><?cs call:textarea("followup", L.Complaints.Stage.Followup, 1) ?><p class="hint"><?cs var:L.Complaints.Stage.FollowupHint ?></p><?cs # the follow-up visit's end closes the complaint: a b–d one only with its root cause and corrective action, which may be given here ?><?cs if:C.client_id && C.severity != "a" ?><?cs call:textarea("root_cause", L.Complaint.RootCause, 0) ?><?cs call:textarea("corrective_action", L.Complaint.CorrectiveAction, 0) ?><p class="hint" id="followup-cause-hint"><?cs var:L.VisitJobs.FollowupCauseHint ?></p><?cs /if ?><?cs /if ?>
<?cs if:Next.stage == "closed" ?><?cs call:textarea("root_cause", L.Complaint.RootCause, Next.needs_cause) ?><?cs call:textarea("corrective_action", L.Complaint.CorrectiveAction, Next.needs_cause) ?><?cs if:Next.needs_cause ?><p class="hint"><?cs var:L.Complaints.Stage.CauseHint ?></p><?cs /if ?><?cs /if ?>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Complaints.Stage.Submit ?></button></div>
</form></section>
<section class="card action-reply" aria-labelledby="h-reply"><h3 id="h-reply"><span class="badge public"><?cs var:L.Complaints.Shown ?></span> <?cs var:L.Complaints.Reply.Title ?></h3>
<p class="hint"><?cs var:L.Complaints.Reply.Hint ?></p>
<form method="post" action="<?cs var:URL.complaints ?>/<?cs var:C.id ?>/reply" class="form"><?cs call:action_keys() ?>
<?cs call:textarea("reply", L.Complaints.Reply.Title, 1) ?>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Complaints.Reply.Submit ?></button></div>
</form></section>
<section class="card action-contact" aria-labelledby="h-contact"><h3 id="h-contact"><?cs var:L.Complaints.Contact.Title ?></h3>
<p class="hint"><?cs var:L.Complaints.Contact.Hint ?></p>
<form method="post" action="<?cs var:URL.complaints ?>/<?cs var:C.id ?>/contact" class="form"><?cs call:action_keys() ?>
<?cs call:textarea("contact", L.Complaints.Contact.Text, 1) ?>
<div class="actions"><button type="submit"><?cs var:L.Complaints.Contact.Submit ?></button></div>
</form></section>
<section class="card action-note" aria-labelledby="h-note"><h3 id="h-note"><span class="badge internal"><?cs var:L.Complaints.Internal ?></span> <?cs var:L.Complaints.Note.Title ?></h3>
<p class="hint"><?cs var:L.Complaints.Note.Hint ?></p>
<form method="post" action="<?cs var:URL.complaints ?>/<?cs var:C.id ?>/note" class="form"><?cs call:action_keys() ?>
<?cs call:textarea("note", L.Complaints.Note.Title, 1) ?>
<div class="actions"><button type="submit"><?cs var:L.Complaints.Note.Submit ?></button></div>
</form></section>
<section class="card action-wait" aria-labelledby="h-wait"><h3 id="h-wait"><?cs var:L.Complaints.Wait.Title ?></h3>
<p class="hint"><?cs var:L.Complaints.Wait.Hint ?></p>
<form method="post" action="<?cs var:URL.complaints ?>/<?cs var:C.id ?>/wait" class="form"><?cs call:action_keys() ?>
<?cs call:field("wait_note", L.Complaints.Wait.Note, "text", 0) ?>
<div class="actions"><button type="submit"><?cs if:C.waiting_since ?><?cs var:L.Complaints.Wait.Stop ?><?cs else ?><?cs var:L.Complaints.Wait.Start ?><?cs /if ?></button></div>
</form></section>
<section class="card action-refer" aria-labelledby="h-refer"><h3 id="h-refer"><span class="badge internal"><?cs var:L.Complaints.Internal ?></span> <?cs var:L.Complaints.Refer.Title ?></h3>
<p class="hint"><?cs var:L.Complaints.Refer.Hint ?></p>
<form method="post" action="<?cs var:URL.complaints ?>/<?cs var:C.id ?>/refer" class="form"><?cs call:action_keys() ?>
<?cs call:textarea("refer", L.Complaints.Refer.Text, 1) ?>
<div class="actions"><button type="submit"><?cs var:L.Complaints.Refer.Submit ?></button></div>
</form></section>
<?cs /if ?>
<?cs if:Perm.complaint_classify ?>
<section class="card action-classify" aria-labelledby="h-classify"><h3 id="h-classify"><?cs if:C.severity ?><?cs var:L.Complaints.Classify.Retitle ?><?cs else ?><?cs var:L.Complaints.Classify.Title ?><?cs /if ?></h3>
<form method="post" action="<?cs var:URL.complaints ?>/<?cs var:C.id ?>/classify" class="form"><?cs call:action_keys() ?>
<fieldset class="severity<?cs if:Form.severity.Error ?> has-error<?cs /if ?>"><legend><?cs var:L.Complaint.Severity ?> <span class="req" aria-hidden="true">*</span></legend>
<?cs each:o = Opt.Severities ?><label class="sev-choice"><input type="radio" name="severity" value="<?cs name:o ?>"<?cs if:Form.severity == name(o) ?> checked<?cs /if ?>> <span class="badge sev-<?cs name:o ?>"><?cs var:o ?></span> <small><?cs var:L.Complaint.SeverityHelp[name(o)] ?></small></label>
<?cs /each ?><?cs call:field_error("severity") ?></fieldset>
<?cs call:select("department", L.Complaint.Department, Opt.Departments, 0) ?>
<p class="hint"><?cs var:L.Complaints.Classify.DeptHint ?></p>
<?cs call:select("owner", L.Complaint.Owner, Opt.Owners, 0) ?>
<p class="hint"><?cs var:L.Complaints.Classify.OwnerHint ?></p>
<?cs if:C.severity ?><?cs call:textarea("reason", L.Complaints.Reason, 1) ?><p class="hint"><?cs var:L.Complaints.Classify.ReasonHint ?></p><?cs /if ?>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Complaints.Classify.Submit ?></button></div>
</form></section>
<section class="card action-duplicate" aria-labelledby="h-duplicate"><h3 id="h-duplicate"><?cs var:L.Complaints.Duplicate.Title ?></h3>
<p class="hint"><?cs var:L.Complaints.Duplicate.Hint ?></p>
<form method="post" action="<?cs var:URL.complaints ?>/<?cs var:C.id ?>/duplicate" class="form"><?cs call:action_keys() ?>
<?cs call:field("original", L.Complaints.Duplicate.Original, "text", 1) ?>
<div class="actions"><button type="submit"><?cs var:L.Complaints.Duplicate.Submit ?></button></div>
</form></section>
<?cs /if ?>
</div>
<?cs /if ?>
