<?cs # complaint_timeline.cs — a complaint's events (Events.*), oldest first: on its page and its print view ?>
<ol class="timeline"><?cs each:e = Events ?><li class="ev-<?cs var:e.visibility ?> ev-<?cs var:e.kind ?>">
<div class="ev-head"><?cs if:e.kind == "answered" ?><span class="badge public"><?cs var:L.Complaints.FromComplainant ?></span><?cs elif:e.visibility == "public" && e.kind == "reply" ?><span class="badge public"><?cs var:L.Complaints.Public ?></span><?cs elif:e.visibility == "public" ?><span class="badge public"><?cs var:L.Complaints.Shown ?></span><?cs else ?><span class="badge internal"><?cs var:L.Complaints.Internal ?></span><?cs /if ?>
<strong><?cs if:L.Complaint.Events[e.kind] ?><?cs var:L.Complaint.Events[e.kind] ?><?cs else ?><?cs var:L.Complaints.Events[e.kind] ?><?cs /if ?></strong>
<small><?cs var:e.at ?> · <?cs if:e.user_name ?><?cs var:e.user_name ?><?cs elif:e.kind == "answered" ?><?cs var:L.Complaints.Complainant ?><?cs else ?><?cs var:L.Complaints.System ?><?cs /if ?></small></div>
<?cs if:e.text ?><p class="ev-text"><?cs var:e.text ?></p><?cs /if ?><?cs if:e.kind == "stage" ?><p><?cs var:L.Complaint.Stages[e.body] ?></p><?cs elif:e.kind == "created" ?><p><?cs var:L.Complaint.Sources[e.body] ?></p><?cs elif:e.body ?><p class="pre"><?cs var:e.body ?></p><?cs /if ?>
</li>
<?cs /each ?></ol>
