/* client_pick.h — choosing a client in a form without JavaScript, at any
 * number of clients: a search field (part of the name, the whole name or the
 * 统一社会信用代码) resolved among the clients in the user's lists, with a
 * pick list when several match. The form keeps everything else the user typed
 * while they choose (templates/macros.cs: client_pick). */
#ifndef GUWEN_CLIENT_PICK_H
#define GUWEN_CLIENT_PICK_H

#include "guwen/ctx.h"

/* the most clients a pick list shows */
#define GW_PICK_MAX 20

/* flags: any active client, not only those in the user's lists (a project
 * may be created for any client) */
#define GW_PICK_ANY_CLIENT 1u

enum gw_pick {
	GW_PICK_NONE,	 /* no client asked for (the search field is empty) */
	GW_PICK_ONE,	 /* *id chosen */
	GW_PICK_MANY,	 /* several match: the pick list, a message at the field */
	GW_PICK_NOTFOUND /* none matches: a message at the field */
};

/* The client a form names, among the clients in the user's lists
 * (GW_CLIENT_SCOPE; every active client with GW_PICK_ANY_CLIENT). In order: pick (a choice from the
 * pick list, 0 none), then kept (the client chosen before, 0 none) while q is still its name (or q
 * is NULL: a form without the search field), then q searched: a USCC exactly, a whole name exactly,
 * else a part of the name. GW_PICK_ONE sets *id, Form.<name> (its id) and Form.<name>_q (its name);
 * the others leave *id 0 and, for MANY, list the matches under Pick.<name>.N.{id,name,uscc} (at
 * most GW_PICK_MAX) with a message at Form.<name>_q (client_choose, or client_too_many beyond the
 * most shown); NOTFOUND puts client_not_found there (bad_choice at Form.<name> for an id sent
 * without q that is not in the user's lists). -1 on a database error. */
int gw_client_pick(struct gw_ctx *ctx, const char *name, unsigned flags, long long pick,
		   long long kept, const char *q, long long *id);

/* Client id, if in the user's lists (flags as above), as the form's choice
 * (Form.<name>, Form.<name>_q): 1, 0 when not, -1 on a database error. */
int gw_client_pick_id(struct gw_ctx *ctx, const char *name, unsigned flags, long long id);

#endif
