<?cs # complaints_created.cs — right after registering a complaint the user will not handle: number and code, once ?>
<section class="card narrow">
<h1><?cs var:L.Complaints.CodeTitle ?></h1>
<?cs include:"complaints_code.cs" ?>
<p><?cs var:L.Complaints.NotInList ?></p>
<p><a href="<?cs var:URL.complaints ?>/"><?cs var:L.Complaints.BackToList ?></a></p>
</section>
