import { useEffect } from 'react';
import { useLogout, useNotify } from 'react-admin';
import { onSessionEnded, scheduleRefresh } from '../api/http';

/** Sends the user to the login page when the API ends the session (refresh refused or inactivity). */
export function SessionWatcher() {
  const logout = useLogout();
  const notify = useNotify();
  useEffect(() => {
    scheduleRefresh();
    return onSessionEnded(() => {
      notify('app.auth.session_ended', { type: 'warning' });
      void logout({}, '/login', false);
    });
  }, [logout, notify]);
  return null;
}
