<?cs # projects_view.cs — one project: its facts and fee, the slips with their deadlines, the steps as a timeline, the events, and the actions the user may take ?>
<?cs # every action sends the version it was shown: a second action from the same state is refused ?>
<?cs def:action_keys() ?><?cs call:csrf() ?><input type="hidden" name="version" value="<?cs var:P.version ?>"><?cs /def ?>
<?cs if:Page.Error ?><div class="alert alert-error" role="alert" id="action-error"><?cs var:L.Projects.Msg[Page.Error] ?></div><?cs /if ?>
<?cs call:form_errors() ?>
<div class="toolbar"><h1><?cs var:L.Projects.Project ?> #<?cs var:P.id ?> · <?cs var:P.client_name ?></h1>
<span class="spacer"></span><span class="badge stage" id="status"><?cs var:L.Projects.Statuses[P.status] ?></span></div>
<?cs if:P.blocked_stage ?><div class="alert alert-error" role="status" id="blocked"><strong><?cs var:L.Projects.Blocked[P.blocked_stage] ?></strong><br><span class="pre"><?cs var:P.blocked_reason ?></span>
<?cs if:Can.Forward == "1" ?><form method="post" action="<?cs var:URL.projects ?>/<?cs var:P.id ?>/block-forward" class="form" id="block-forward"><?cs call:action_keys() ?>
<?cs call:textarea("forward_note", L.Projects.ForwardNote, 0) ?>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Projects.Forward ?></button></div></form><?cs /if ?>
<?cs if:Can.Unblock == "1" ?><form method="post" action="<?cs var:URL.projects ?>/<?cs var:P.id ?>/unblock" class="form" id="unblock"><?cs call:action_keys() ?>
<div class="actions"><button type="submit"><?cs var:L.Projects.Unblock ?></button></div></form><?cs /if ?></div><?cs /if ?>
<?cs if:P.collection_id ?><div class="alert alert-error" role="status" id="collection"><strong><?cs var:L.Projects.CollectionOpen ?></strong> <?cs var:P.collection_opened ?></div><?cs /if ?>
<div class="grid">
<section class="card" aria-labelledby="h-facts"><h2 id="h-facts"><?cs var:L.Projects.Facts ?></h2>
<dl class="facts">
<dt><?cs var:L.Projects.Client ?></dt><dd><?cs var:P.client_name ?></dd>
<dt><?cs var:L.Projects.Type ?></dt><dd><?cs var:P.type_name ?></dd>
<dt><?cs var:L.Projects.Department ?></dt><dd><?cs var:P.dept_name ?></dd>
<dt><?cs var:L.Projects.Lead ?></dt><dd id="lead"><?cs if:P.lead_name ?><?cs var:P.lead_name ?><?cs else ?>—<?cs /if ?></dd>
<dt><?cs var:L.Projects.CreatedBy ?></dt><dd><?cs var:P.creator_name ?> · <?cs var:P.created_at ?></dd>
<?cs if:P.fee_purpose ?><dt><?cs var:L.Projects.Fee ?></dt><dd id="fee">¥<?cs var:P.fee_yuan ?> · <?cs var:P.fee_purpose ?> · <?cs var:L.Projects.FeeDue ?> <?cs var:P.fee_due ?></dd>
<dt><?cs var:L.Projects.Paid ?></dt><dd id="paid"><?cs if:P.fee_paid_on ?><?cs var:P.fee_paid_on ?> · ¥<?cs var:P.paid_yuan ?><?cs else ?><?cs var:L.Projects.Unpaid ?><?cs /if ?></dd><?cs /if ?>
</dl></section>
<section class="card" aria-labelledby="h-slips"><h2 id="h-slips"><?cs var:L.Projects.Slips ?></h2>
<table class="slips"><thead><tr><th scope="col"><?cs var:L.Projects.SlipOn ?></th><th scope="col"><?cs var:L.Projects.AssignedTo ?></th><th scope="col"><?cs var:L.Projects.LearnDue ?></th><th scope="col"><?cs var:L.Projects.CoachDue ?></th><th scope="col"><?cs var:L.Projects.Status ?></th></tr></thead>
<tbody><?cs each:s = Slips ?><tr id="slip-<?cs name:s ?>"><td><?cs var:s.slip_on ?></td><td><?cs var:s.dept_name ?><?cs if:s.advisor_name ?> · <?cs var:s.advisor_name ?><?cs /if ?></td>
<td class="learn-due"><?cs var:s.learn_due ?><?cs if:s.learn_done_on ?><br><small class="deadline-done"><?cs var:L.Projects.DoneShort ?> <?cs var:s.learn_done_on ?></small><?cs elif:s.learn_late == "1" ?> <span class="badge overdue"><?cs var:L.Projects.Overdue ?></span><?cs /if ?></td>
<td class="coach-due"><?cs var:s.coach_due ?><?cs if:s.coach_done_on ?><br><small class="deadline-done"><?cs var:L.Projects.DoneShort ?> <?cs var:s.coach_done_on ?></small><?cs elif:s.coach_late == "1" ?> <span class="badge overdue"><?cs var:L.Projects.Overdue ?></span><?cs /if ?></td>
<td><?cs var:L.Projects.SlipStatuses[s.status] ?><?cs if:s.reason ?><br><small><?cs var:s.reason ?></small><?cs /if ?></td></tr><?cs /each ?></tbody></table>
<?cs if:Can.Deadline == "1" ?><form method="post" action="<?cs var:URL.projects ?>/<?cs var:P.id ?>/deadline" class="form" id="deadline"><?cs call:action_keys() ?>
<div class="form-grid"><div class="field<?cs if:Form.deadline.Error ?> has-error<?cs /if ?>"><label for="f-deadline"><?cs var:L.Projects.Deadline ?></label><select id="f-deadline" name="deadline"<?cs if:Form.deadline.Error ?> aria-invalid="true" aria-describedby="e-deadline"<?cs /if ?>><?cs if:!P.learn_done_on ?><option value="learn"<?cs if:Form.deadline == "learn" ?> selected<?cs /if ?>><?cs var:L.Projects.LearnDue ?> <?cs var:P.learn_due ?></option><?cs /if ?><?cs if:!P.coach_done_on ?><option value="coach"<?cs if:Form.deadline == "coach" ?> selected<?cs /if ?>><?cs var:L.Projects.CoachDue ?> <?cs var:P.coach_due ?></option><?cs /if ?></select><?cs call:field_error("deadline") ?></div>
<?cs call:field("deadline_on", L.Projects.DeadlineOn, "date", 1) ?></div>
<div class="actions"><button type="submit"><?cs var:L.Projects.DeadlineDone ?></button></div></form><?cs /if ?>
</section>
</div>
<section class="card" aria-labelledby="h-steps"><h2 id="h-steps"><?cs var:L.Projects.Steps ?></h2>
<ol class="timeline steps"><?cs each:s = Steps ?><li class="<?cs if:s.done_on ?>done<?cs else ?>todo<?cs /if ?>" id="step-<?cs var:s.seq ?>">
<div class="ev-head"><strong><?cs var:s.n ?>. <?cs var:s.name ?></strong>
<?cs if:s.done_on ?><small><?cs var:s.done_on ?> · <?cs var:s.done_by_name ?></small><?cs else ?><small><?cs var:L.Projects.NotDone ?></small><?cs /if ?></div>
<?cs if:s.remark ?><p class="pre"><?cs var:s.remark ?></p><?cs /if ?></li><?cs /each ?></ol>
<?cs if:Can.Tick == "1" ?><form method="post" action="<?cs var:URL.projects ?>/<?cs var:P.id ?>/step" class="form" id="tick"><?cs call:action_keys() ?>
<div class="form-grid"><div class="field"><label for="f-seq"><?cs var:L.Projects.Step ?></label><select id="f-seq" name="seq"><?cs each:s = Steps ?><?cs if:!s.done_on ?><option value="<?cs var:s.seq ?>"><?cs var:s.n ?>. <?cs var:s.name ?></option><?cs /if ?><?cs /each ?></select></div>
<?cs call:field("done_on", L.Projects.DoneOn, "date", 1) ?>
<?cs call:field("remark", L.Projects.Remark, "text", 0) ?></div>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Projects.Tick ?></button></div></form><?cs /if ?>
</section>
<?cs if:subcount(Periods) || Can.Period == "1" ?><section class="card" aria-labelledby="h-periods"><h2 id="h-periods"><?cs var:L.Projects.Periods ?></h2>
<?cs if:subcount(Periods) ?><table class="periods"><thead><tr><th scope="col"><?cs var:L.Projects.Month ?></th><th scope="col"><?cs var:L.Projects.FilingDue ?></th><th scope="col"><?cs var:L.Projects.FiledOn ?></th><th scope="col"><?cs var:L.Projects.Steps ?></th><th scope="col"><?cs var:L.Projects.Corrections ?></th></tr></thead>
<tbody><?cs each:r = Periods ?><tr id="period-<?cs var:r.month ?>"<?cs if:r.overdue == "1" ?> class="overdue"<?cs /if ?>><td><?cs var:r.month ?></td><td class="filing-due"><?cs var:r.filing_due ?><?cs if:r.overdue == "1" ?> <span class="badge overdue"><?cs var:L.Projects.Overdue ?></span><?cs /if ?></td><td><?cs if:r.filed_on ?><?cs var:r.filed_on ?><?cs else ?>—<?cs /if ?></td><td><?cs var:r.steps_done ?> / <?cs var:P.nsteps ?></td><td><?cs var:r.corrections ?></td></tr><?cs /each ?></tbody></table><?cs /if ?>
<?cs if:subcount(Corrections) ?><h3><?cs var:L.Projects.Corrections ?></h3><ul class="list corrections"><?cs each:c = Corrections ?><li><?cs var:c.month ?> · <?cs var:c.what ?> — <?cs var:c.why ?> <small><?cs var:c.at ?> · <?cs var:c.user_name ?></small></li><?cs /each ?></ul><?cs /if ?>
<?cs if:Can.Period == "1" ?><form method="post" action="<?cs var:URL.projects ?>/<?cs var:P.id ?>/period" class="form" id="period-add"><?cs call:action_keys() ?>
<div class="form-grid"><?cs call:field("month", L.Projects.MonthHint, "text", 1) ?></div>
<div class="actions"><button type="submit"><?cs var:L.Projects.AddPeriod ?></button></div></form>
<form method="post" action="<?cs var:URL.projects ?>/<?cs var:P.id ?>/period/step" class="form" id="period-step"><?cs call:action_keys() ?>
<div class="form-grid"><div class="field"><label for="f-step-month"><?cs var:L.Projects.Month ?> <span class="req" aria-hidden="true">*</span></label><input id="f-step-month" name="month" type="text" required></div><div class="field"><label for="f-pseq"><?cs var:L.Projects.Step ?></label><select id="f-pseq" name="pseq"><?cs each:s = Steps ?><?cs if:s.active == 1 ?><option value="<?cs var:s.seq ?>"><?cs var:s.n ?>. <?cs var:s.name ?></option><?cs /if ?><?cs /each ?></select></div><div class="field"><label for="f-step-on"><?cs var:L.Projects.DoneOn ?> <span class="req" aria-hidden="true">*</span></label><input id="f-step-on" name="on" type="date" required></div></div>
<div class="actions"><button type="submit"><?cs var:L.Projects.Tick ?></button></div></form>
<form method="post" action="<?cs var:URL.projects ?>/<?cs var:P.id ?>/period/filed" class="form" id="period-filed"><?cs call:action_keys() ?>
<div class="form-grid"><div class="field"><label for="f-filed-month"><?cs var:L.Projects.Month ?> <span class="req" aria-hidden="true">*</span></label><input id="f-filed-month" name="month" type="text" required></div><div class="field"><label for="f-filed-on"><?cs var:L.Projects.FiledOn ?> <span class="req" aria-hidden="true">*</span></label><input id="f-filed-on" name="on" type="date" required></div></div>
<div class="actions"><button type="submit"><?cs var:L.Projects.RecordFiled ?></button></div></form>
<form method="post" action="<?cs var:URL.projects ?>/<?cs var:P.id ?>/period/correction" class="form" id="period-correction"><?cs call:action_keys() ?>
<div class="form-grid"><div class="field"><label for="f-corr-month"><?cs var:L.Projects.Month ?> <span class="req" aria-hidden="true">*</span></label><input id="f-corr-month" name="month" type="text" required></div><?cs call:field("what", L.Projects.CorrectionWhat, "text", 1) ?><?cs call:field("why", L.Projects.CorrectionWhy, "text", 1) ?></div>
<div class="actions"><button type="submit"><?cs var:L.Projects.RecordCorrection ?></button></div></form><?cs /if ?>
</section><?cs /if ?>
<section class="card" aria-labelledby="h-materials"><h2 id="h-materials"><?cs var:L.Projects.Materials ?></h2>
<?cs if:P.checklist_sent_at ?><p class="hint"><?cs var:L.Projects.ChecklistSent ?> <?cs var:P.checklist_sent_at ?><?cs if:P.finance_qq ?> · QQ <?cs var:P.finance_qq ?><?cs /if ?><?cs if:P.finance_wechat ?> · <?cs var:L.Projects.Wechat ?> <?cs var:P.finance_wechat ?><?cs /if ?></p><?cs /if ?>
<ul class="list materials"><?cs each:m = Materials ?><li id="material-<?cs var:m.seq ?>" class="<?cs if:m.received_on ?>done<?cs else ?>missing<?cs /if ?>"><?cs var:m.n ?>. <?cs var:m.name ?> — <?cs if:m.received_on ?><?cs var:L.Projects.Received ?> <?cs var:m.received_on ?> · <?cs var:m.received_by_name ?><?cs else ?><strong><?cs var:L.Projects.Missing ?></strong><?cs /if ?></li><?cs /each ?></ul>
<?cs if:Can.Start == "1" ?><form method="post" action="<?cs var:URL.projects ?>/<?cs var:P.id ?>/start" class="form" id="start"><?cs call:action_keys() ?>
<div class="form-grid"><?cs call:field("finance_qq", L.Projects.FinanceQQ, "text", 0) ?><?cs call:field("finance_wechat", L.Projects.FinanceWechat, "text", 0) ?></div>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Projects.SendChecklist ?></button></div></form><?cs /if ?>
<?cs if:Can.Material == "1" ?><form method="post" action="<?cs var:URL.projects ?>/<?cs var:P.id ?>/material" class="form" id="material"><?cs call:action_keys() ?>
<div class="form-grid"><div class="field"><label for="f-material"><?cs var:L.Projects.Material ?></label><select id="f-material" name="material"><?cs each:m = Materials ?><?cs if:!m.received_on ?><option value="<?cs var:m.seq ?>"><?cs var:m.n ?>. <?cs var:m.name ?></option><?cs /if ?><?cs /each ?></select></div>
<?cs call:field("received_on", L.Projects.ReceivedOn, "date", 1) ?></div>
<div class="actions"><button type="submit"><?cs var:L.Projects.Tick ?></button></div></form><?cs /if ?>
</section>
<?cs if:Can.Answer == "1" ?><section class="card" aria-labelledby="h-answer"><h2 id="h-answer"><?cs var:L.Projects.AnswerSlip ?></h2>
<form method="post" action="<?cs var:URL.projects ?>/<?cs var:P.id ?>/accept" class="form" id="accept"><?cs call:action_keys() ?>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Projects.Accept ?></button></div></form>
<form method="post" action="<?cs var:URL.projects ?>/<?cs var:P.id ?>/reject" class="form" id="reject"><?cs call:action_keys() ?>
<?cs call:textarea("reason", L.Projects.Reason, 1) ?>
<div class="actions"><button type="submit"><?cs var:L.Projects.Reject ?></button></div></form></section><?cs /if ?>
<?cs if:Can.Reassign == "1" ?><section class="card" aria-labelledby="h-reassign"><h2 id="h-reassign"><?cs var:L.Projects.Reassign ?></h2>
<form method="post" action="<?cs var:URL.projects ?>/<?cs var:P.id ?>/reassign" class="form" id="reassign"><?cs call:action_keys() ?>
<div class="form-grid"><?cs call:select("department", L.Projects.Department, Opt.Departments, 1) ?>
<?cs call:select("advisor", L.Projects.Advisor, Opt.Advisors, 0) ?>
<?cs call:field("slip_on", L.Projects.SlipOn, "date", 1) ?></div>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Projects.ReassignSubmit ?></button></div></form></section><?cs /if ?>
<?cs if:Can.ManagerAnswer == "1" ?><section class="card" aria-labelledby="h-manager"><h2 id="h-manager"><?cs var:L.Projects.ManagerAnswer ?></h2>
<form method="post" action="<?cs var:URL.projects ?>/<?cs var:P.id ?>/manager-answer" class="form" id="manager-answer"><?cs call:action_keys() ?>
<?cs call:textarea("answer", L.Projects.AnswerText, 1) ?>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Projects.Send ?></button></div></form></section><?cs /if ?>
<?cs if:Can.ClientAnswer == "1" ?><section class="card" aria-labelledby="h-client"><h2 id="h-client"><?cs var:L.Projects.ClientAnswer ?></h2>
<form method="post" action="<?cs var:URL.projects ?>/<?cs var:P.id ?>/client-answer" class="form" id="client-answer"><?cs call:action_keys() ?>
<?cs call:textarea("answer", L.Projects.AnswerText, 1) ?>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Projects.Send ?></button></div></form></section><?cs /if ?>
<?cs if:Can.Lead == "1" ?><section class="card" aria-labelledby="h-lead"><h2 id="h-lead"><?cs var:L.Projects.ChangeLead ?></h2>
<form method="post" action="<?cs var:URL.projects ?>/<?cs var:P.id ?>/lead" class="form" id="change-lead"><?cs call:action_keys() ?>
<div class="form-grid"><?cs call:select("new_lead", L.Projects.NewLead, Opt.Leads, 1) ?></div>
<p class="hint"><?cs var:L.Projects.NewLeadHint ?></p>
<?cs call:textarea("lead_reason", L.Projects.LeadReason, 1) ?>
<div class="actions"><button type="submit"><?cs var:L.Projects.ChangeLead ?></button></div></form></section><?cs /if ?>
<?cs if:Can.Block == "1" ?><section class="card" aria-labelledby="h-block"><h2 id="h-block"><?cs var:L.Projects.Block ?></h2>
<form method="post" action="<?cs var:URL.projects ?>/<?cs var:P.id ?>/block" class="form" id="block"><?cs call:action_keys() ?>
<?cs call:textarea("block_reason", L.Projects.BlockReason, 1) ?>
<div class="actions"><button type="submit"><?cs var:L.Projects.BlockSubmit ?></button></div></form></section><?cs /if ?>
<?cs if:Can.Paid == "1" || subcount(Notes) || Can.Note == "1" ?><section class="card" aria-labelledby="h-fee"><h2 id="h-fee"><?cs var:L.Projects.FeeAndCollection ?></h2>
<?cs if:subcount(Notes) ?><ol class="timeline notes"><?cs each:n = Notes ?><li><div class="ev-head"><small><?cs var:n.at ?> · <?cs var:n.user_name ?></small></div><p class="pre"><?cs var:n.body ?></p></li><?cs /each ?></ol><?cs /if ?>
<?cs if:Can.Note == "1" ?><form method="post" action="<?cs var:URL.projects ?>/<?cs var:P.id ?>/collection-note" class="form" id="collection-note"><?cs call:action_keys() ?>
<?cs call:textarea("note", L.Projects.CollectionNote, 1) ?>
<div class="actions"><button type="submit"><?cs var:L.Projects.AddNote ?></button></div></form><?cs /if ?>
<?cs if:Can.Paid == "1" ?><form method="post" action="<?cs var:URL.projects ?>/<?cs var:P.id ?>/paid" class="form" id="paid-form"><?cs call:action_keys() ?>
<div class="form-grid"><?cs call:field("paid_on", L.Projects.PaidOn, "date", 1) ?>
<?cs call:field("paid_amount", L.Projects.PaidAmount, "text", 1) ?></div>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Projects.RecordPaid ?></button></div></form><?cs /if ?>
</section><?cs /if ?>
<section class="card" aria-labelledby="h-timeline"><h2 id="h-timeline"><?cs var:L.Projects.Timeline ?></h2>
<ol class="timeline events"><?cs each:e = Events ?><li class="ev-<?cs var:e.kind ?>">
<div class="ev-head"><strong><?cs var:L.Projects.Events[e.kind] ?></strong> <small><?cs var:e.at ?> · <?cs if:e.user_name ?><?cs var:e.user_name ?><?cs else ?><?cs var:L.Projects.System ?><?cs /if ?></small></div>
<?cs if:e.body ?><p class="pre"><?cs var:e.body ?></p><?cs /if ?></li><?cs /each ?></ol>
</section>
