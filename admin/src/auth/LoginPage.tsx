import { Alert, Box, Button, Card, CardContent, CircularProgress, Stack, TextField, Typography } from '@mui/material';
import { type FormEvent, useState } from 'react';
import { LocalesMenuButton, useLogin, useTranslate } from 'react-admin';
import { useLocation } from 'react-router-dom';
import { isApiError } from '../api/errors';

/** Email and password against /api/v1/auth/login; Enter submits; the API's refusal is shown as it is meant. */
export function LoginPage() {
  const translate = useTranslate();
  const login = useLogin();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login({ email: email.trim(), password }, (location.state as { nextPathname?: string } | null)?.nextPathname ?? '/');
    } catch (e) {
      setError(loginError(e, translate));
      setBusy(false);
    }
  };

  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: 'linear-gradient(135deg, #0f4c5c 0%, #176b87 60%, #5fa8a0 100%)' }}>
      <Card sx={{ width: 380, maxWidth: '92vw' }} elevation={8}>
        <CardContent sx={{ p: 4 }}>
          <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
            <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>{translate('app.title')}</Typography>
            <LocalesMenuButton />
          </Stack>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 3 }}>{translate('app.auth.subtitle')}</Typography>
          <form onSubmit={submit} noValidate aria-label={translate('app.auth.sign_in')}>
            <Stack spacing={2}>
              <TextField label={translate('app.auth.email')} type="email" name="email" autoComplete="username" autoFocus required fullWidth
                value={email} onChange={(e) => setEmail(e.target.value)} />
              <TextField label={translate('app.auth.password')} type="password" name="password" autoComplete="current-password" required fullWidth
                value={password} onChange={(e) => setPassword(e.target.value)} />
              {error && <Alert severity="error" role="alert">{error}</Alert>}
              <Button type="submit" variant="contained" size="large" disabled={busy || !email || !password}
                startIcon={busy ? <CircularProgress size={18} color="inherit" /> : undefined}>
                {translate(busy ? 'app.auth.signing_in' : 'app.auth.sign_in')}
              </Button>
            </Stack>
          </form>
        </CardContent>
      </Card>
    </Box>
  );
}

function loginError(error: unknown, translate: (key: string) => string): string {
  if (isApiError(error)) {
    if (error.code === 'INVALID_CREDENTIALS' || error.status === 401) return translate('app.auth.invalid_credentials');
    if (error.code === 'TOO_MANY_ATTEMPTS' || error.status === 429) return translate('app.auth.too_many_attempts');
    return error.message;
  }
  return translate('app.errors.network');
}
