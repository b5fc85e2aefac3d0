<?cs # complaints_print.cs — one complaint for paper (A4, htdocs/css/guwen.css @page): number, title, facts, handling and timeline; no actions ?>
<article class="print-sheet" aria-labelledby="h-print">
<p class="no-print hint"><?cs var:L.Complaints.Print.Hint ?> · <a href="<?cs var:URL.complaints ?>/<?cs var:C.id ?>"><?cs var:L.Complaints.Print.Back ?></a></p>
<h1 id="h-print"><?cs var:L.Complaint.Title ?> <span id="print-tracking"><?cs var:C.tracking_no ?></span></h1>
<?cs if:C.subject_text ?><p class="print-subject"><?cs var:C.subject_text ?></p><?cs /if ?>
<h2><?cs var:L.Complaints.Facts ?></h2>
<dl class="facts">
<dt><?cs var:L.Complaints.Complainant ?></dt><dd><?cs var:C.name ?></dd>
<?cs if:C.phone ?><dt><?cs var:L.Complaint.Phone ?></dt><dd><?cs var:C.phone ?></dd><?cs /if ?>
<?cs if:C.email ?><dt><?cs var:L.Complaint.Email ?></dt><dd><?cs var:C.email ?></dd><?cs /if ?>
<?cs if:C.company ?><dt><?cs var:L.Complaint.Company ?></dt><dd><?cs var:C.company ?></dd><?cs /if ?>
<?cs if:C.client_name ?><dt><?cs var:L.Complaint.Client ?></dt><dd><?cs var:C.client_name ?></dd><?cs /if ?>
<?cs if:C.advisor_name ?><dt><?cs var:L.Complaint.Advisor ?></dt><dd><?cs var:C.advisor_name ?></dd><?cs /if ?>
<?cs if:C.happened_on ?><dt><?cs var:L.Complaint.HappenedOn ?></dt><dd><?cs var:C.happened_on ?></dd><?cs /if ?>
<dt><?cs var:L.Complaint.Source ?></dt><dd><?cs var:L.Complaint.Sources[C.source] ?></dd>
<dt><?cs var:L.Complaints.Created ?></dt><dd><?cs var:C.created_at ?></dd>
<dt><?cs var:L.Complaint.Severity ?></dt><dd><?cs if:C.severity ?><?cs var:L.Complaint.Severities[C.severity] ?><?cs else ?><?cs var:L.Complaint.Unclassified ?><?cs /if ?></dd>
<dt><?cs var:L.Complaint.Stage ?></dt><dd><?cs var:L.Complaint.Stages[C.stage] ?></dd>
<dt><?cs var:L.Complaint.Department ?></dt><dd><?cs if:C.dept_name ?><?cs var:C.dept_name ?><?cs else ?>—<?cs /if ?></dd>
<dt><?cs var:L.Complaint.Owner ?></dt><dd><?cs if:C.owner_name ?><?cs var:C.owner_name ?><?cs else ?>—<?cs /if ?></dd>
<dt><?cs var:L.Complaint.ResponseDue ?></dt><dd><?cs if:C.response_due ?><?cs var:C.response_due ?><?cs else ?>—<?cs /if ?></dd>
<dt><?cs var:L.Complaint.ResolutionDue ?></dt><dd><?cs if:C.resolution_due ?><?cs var:C.resolution_due ?><?cs else ?>—<?cs /if ?></dd>
<?cs if:C.closed_at ?><dt><?cs var:L.Complaints.ClosedAt ?></dt><dd><?cs var:C.closed_at ?></dd><?cs /if ?>
</dl>
<h3><?cs var:L.Complaint.Description ?></h3>
<p class="pre" id="print-description"><?cs var:C.description ?></p>
<?cs if:C.root_cause ?><h3><?cs var:L.Complaint.RootCause ?></h3><p class="pre"><?cs var:C.root_cause ?></p><?cs /if ?>
<?cs if:C.corrective_action ?><h3><?cs var:L.Complaint.CorrectiveAction ?></h3><p class="pre"><?cs var:C.corrective_action ?></p><?cs /if ?>
<h2><?cs var:L.Complaints.Timeline ?></h2>
<?cs include:"complaint_timeline.cs" ?>
</article>
