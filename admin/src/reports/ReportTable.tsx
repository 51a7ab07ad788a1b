import DownloadIcon from '@mui/icons-material/Download';
import { Button, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import type { ReportText } from './messages';
import type { Row } from './reportsApi';

/** Columns that are ids: the named column beside them says the same thing to a person. */
const HIDDEN = /Id$/;

/** One report table as the API returns it, with its CSV export. */
export function ReportTable({ title, rows, onCsv, text, locale }: { title: string; rows: Row[]; onCsv: () => void; text: ReportText; locale: string }) {
  const columns = rows[0] ? Object.keys(rows[0]).filter((c) => !HIDDEN.test(c)) : [];
  const show = (column: string, value: Row[string]) => {
    if (value === null || value === undefined) return '—';
    if (typeof value === 'number' && /(Rate|Share|^utilization|^conversion|fillRate)$/i.test(column)) return `${(value * 100).toFixed(1)} %`;
    return typeof value === 'number' ? value.toLocaleString(locale) : String(value);
  };
  return (
    <Stack spacing={1} className="reports-table">
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="subtitle2">{title}</Typography>
        <Button size="small" startIcon={<DownloadIcon />} onClick={onCsv} className="reports-no-print">{text.csv}</Button>
      </Stack>
      {rows.length === 0 ? <Typography variant="body2" color="text.secondary">{text.noData}</Typography> : (
        <TableContainer>
          <Table size="small">
            <TableHead>
              <TableRow>{columns.map((c) => <TableCell key={c} align={typeof rows[0]![c] === 'number' ? 'right' : 'left'}>{c}</TableCell>)}</TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row, i) => (
                <TableRow key={i}>{columns.map((c) => <TableCell key={c} align={typeof row[c] === 'number' ? 'right' : 'left'}>{show(c, row[c])}</TableCell>)}</TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Stack>
  );
}
