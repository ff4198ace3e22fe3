/** Where Teams (the Bot Framework) posts activities; the host mounts the adapter there. */
export const TEAMS_MESSAGES_PATH = '/api/messages';
