import {
  AutocompleteArrayInput, BooleanField, BooleanInput, ChipField, Create, Datagrid, Edit, List, ReferenceArrayField, ReferenceArrayInput,
  SelectArrayInput, SimpleForm, SingleFieldList, TextField, TextInput, maxLength, required, useCanAccess, useTranslate,
} from 'react-admin';
import { pick } from '../common/pick';
import { notBlank } from '../common/validation';

/** Providers and the services they offer; admins edit them (no delete: untick Active). */
export function ProviderList() {
  const { canAccess: canEdit } = useCanAccess({ resource: 'providers', action: 'edit' });
  return (
    <List sort={{ field: 'name', order: 'ASC' }} perPage={50} exporter={false}>
      <Datagrid bulkActionButtons={false} rowClick={canEdit ? 'edit' : false}>
        <TextField source="name" />
        <TextField source="specialty" sortable={false} />
        <TextField source="languages" sortable={false} />
        <BooleanField source="telehealth" sortable={false} />
        <ReferenceArrayField source="serviceIds" reference="services" sortable={false}>
          <SingleFieldList linkType={false}><ChipField source="name" size="small" /></SingleFieldList>
        </ReferenceArrayField>
        <BooleanField source="active" sortable={false} />
      </Datagrid>
    </List>
  );
}

/** The languages the bot speaks (the API accepts these only). */
const LANGUAGES = ['en', 'es'] as const;

function ProviderForm() {
  const translate = useTranslate();
  const languages = LANGUAGES.map((id) => ({ id, name: translate(`app.locale.${id}`) }));
  return (
    <SimpleForm>
      <TextInput source="name" validate={[required(), maxLength(120), notBlank]} />
      <TextInput source="shortName" validate={[required(), maxLength(60), notBlank]} />
      <TextInput source="specialty" validate={[required(), maxLength(120), notBlank]} />
      <SelectArrayInput source="languages" choices={languages} validate={required()} defaultValue={['en']} />
      <BooleanInput source="telehealth" defaultValue={false} />
      <ReferenceArrayInput source="serviceIds" reference="services" sort={{ field: 'name', order: 'ASC' }} perPage={200}>
        <AutocompleteArrayInput optionText="name" />
      </ReferenceArrayInput>
      <BooleanInput source="active" defaultValue />
    </SimpleForm>
  );
}

const toBody = pick(['name', 'shortName', 'specialty', 'languages', 'telehealth', 'serviceIds', 'active']);

export const ProviderEdit = () => <Edit mutationMode="pessimistic" transform={toBody}><ProviderForm /></Edit>;
export const ProviderCreate = () => <Create redirect="list" transform={toBody}><ProviderForm /></Create>;
