<?cs # portal_apply_status.cs — an application's private page: the status in
  the exact words of DOMAIN.md, the reviewer's reason, 确定 / 修改 / 取消 ?>
<section class="card narrow portal">
<h1><?cs var:L.Portal.Apply.StatusTitle ?></h1>
<?cs if:Page.Error ?><div class="alert alert-error" role="alert"><?cs var:L.Msg[Page.Error] ?></div><?cs /if ?>
<?cs if:App.id ?>
<p class="status-words" id="status-words"><?cs var:L.Application.Words[App.status] ?></p>
<?cs if:App.status == "rejected" ?>
<div class="reason"><h2><?cs var:L.Application.Reason ?></h2><p id="reason"><?cs var:App.reason ?></p></div>
<?cs /if ?>
<dl class="ticket">
<dt><?cs var:L.Application.CompanyName ?></dt><dd id="app-company"><?cs var:App.company_name ?></dd>
<dt><?cs var:L.Application.Uscc ?></dt><dd><?cs var:App.uscc ?></dd>
<dt><?cs var:L.Application.ContactName ?></dt><dd><?cs var:App.contact_name ?></dd>
<dt><?cs var:L.Application.ServicesWanted ?></dt><dd><?cs each:s = App.Services ?><?cs var:s ?> <?cs /each ?></dd>
<dt><?cs var:L.Application.Submitted ?></dt><dd><?cs var:App.submitted_at ?></dd>
</dl>
<?cs if:App.status == "submitted" ?>
<div class="actions"><a class="button primary" id="ok" href="<?cs var:URL.portal ?>/"><?cs var:L.Portal.Apply.Ok ?></a></div>
<?cs elif:App.status == "rejected" ?>
<div class="actions">
<a class="button primary" id="edit" href="<?cs var:App.Link ?>/edit"><?cs var:L.Portal.Apply.Edit ?></a>
<form method="post" action="<?cs var:App.Link ?>/withdraw" class="inline">
<input type="hidden" name="token" value="<?cs var:Form.token ?>">
<button type="submit" id="withdraw"><?cs var:L.Portal.Apply.Withdraw ?></button>
</form>
</div>
<?cs /if ?>
<?cs /if ?>
</section>
