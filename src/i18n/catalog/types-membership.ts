/** The catalogue's words for membership: guest invitations, requests and their decisions. */
export interface MembershipCatalog {
  /**
   * A person shown by name (a queue, a request, the dashboard) who has none: the web chat used on
   * the server's own machine without an account — the reader themself, or another browser there.
   */
  localYou: string;
  localOther: string;
  /** The person named in `invite` or `revoke` could not be found (`user` as typed). */
  notFound: (p: { user: string }) => string;
  /** The person belongs to an allowed workspace or tenant: nothing to invite. */
  alreadyMember: (p: { name: string }) => string;
  /** The person is a moderator already. */
  alreadyModerator: (p: { name: string }) => string;
  /** To the moderator who invited: who, until when (a formatted date), and whether they may propose topics. */
  invited: (p: { name: string; date: string; mayPropose: boolean }) => string;
  /** To the guest, privately, when the platform can reach them. */
  welcomeGuest: (p: { date: string }) => string;
  /** To a member who asked for a guest: the request is with the moderators. */
  requestSent: (p: { name: string; days: number }) => string;
  /** To each moderator: a member asks for a guest (then the buttons). */
  newRequest: (p: { id: number; requester: string; name: string; days: number }) => string;
  /** Buttons (≤ 30 characters each). */
  approve: string;
  decline: string;
  /** To the moderator who clicked. */
  approved: (p: { name: string; date: string }) => string;
  declined: (p: { name: string }) => string;
  /** To the member who asked, once decided. */
  requestApproved: (p: { name: string; date: string }) => string;
  requestDeclined: (p: { name: string }) => string;
  /** A second click on a decided request; `approved` tells which way it went. */
  alreadyDecided: (p: { approved: boolean }) => string;
  /** A click on a request that does not exist. */
  requestUnknown: string;
  /** To a guest who typed `invite`. */
  guestsCannotInvite: string;
  /** To a guest who tried to propose a topic without the moderator's leave. */
  guestCannotPropose: string;
  /**
   * A forum with no moderator, to the person using the web chat on the server's own machine: they
   * may become its moderator (`claimButton`, ≤ 30 characters). `claimDone` once they are;
   * `claimRefused` to anyone else, or once the forum has a moderator.
   */
  claimOffer: string;
  claimButton: string;
  claimDone: string;
  claimRefused: string;
  /** Only moderators decide on requests. */
  onlyModeratorsDecide: string;
  /** `guests`: the list's heading, its lines, and the empty list. */
  guestsTitle: string;
  guestActive: (p: { name: string; date: string; mayPropose: boolean }) => string;
  guestEnded: (p: { name: string; date: string }) => string;
  noGuests: string;
  /** Heads the requests still waiting for a decision in `guests`. */
  pendingTitle: string;
  /** `revoke`: the guest's access ended now. */
  revoked: (p: { name: string }) => string;
  /** `revoke` on someone who is no guest. */
  notAGuest: (p: { name: string }) => string;
}
