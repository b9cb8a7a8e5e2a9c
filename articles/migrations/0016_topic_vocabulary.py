import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0015_ratelimit_cache_table'),
    ]

    operations = [
        migrations.CreateModel(
            name='TagFeedback',
            fields=[
                ('name', models.CharField(max_length=100, primary_key=True, serialize=False, verbose_name='标签')),
                ('accepted', models.PositiveIntegerField(default=0, verbose_name='采用次数')),
                ('rejected', models.PositiveIntegerField(default=0, verbose_name='否决次数')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='修改时间')),
            ],
            options={
                'verbose_name': '标签采用统计',
                'verbose_name_plural': '标签采用统计',
            },
        ),
        migrations.AddField(
            model_name='vocabularyword',
            name='is_topic',
            field=models.BooleanField(default=False, help_text='主题可作为标签建议给编辑', verbose_name='主题'),
        ),
        migrations.AddField(
            model_name='vocabularyword',
            name='retired',
            field=models.BooleanField(default=False, help_text='停用的主题不再建议；停用标签时文章上的该标签一并移除', verbose_name='停用'),
        ),
        migrations.AlterField(
            model_name='vocabularyword',
            name='kind',
            field=models.CharField(choices=[('person', '人名'), ('place', '地名'), ('body', '机构'), ('programme', '工作项目'), ('event', '节日活动'), ('facility', '场所设施'), ('term', '词语')], default='term', max_length=12, verbose_name='类别'),
        ),
        migrations.CreateModel(
            name='TopicCue',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('word', models.CharField(max_length=40, verbose_name='线索词')),
                ('seen', models.PositiveIntegerField(default=0, help_text='编辑采用该主题的文章中出现此词的篇数', verbose_name='共现篇数')),
                ('source', models.CharField(choices=[('seed', '预置'), ('learnt', '从档案学习'), ('editor', '编辑添加')], default='learnt', max_length=8, verbose_name='来源')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='修改时间')),
                ('topic', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='cues', to='articles.vocabularyword', verbose_name='主题')),
            ],
            options={
                'verbose_name': '主题线索词',
                'verbose_name_plural': '主题线索词',
                'constraints': [models.UniqueConstraint(fields=('topic', 'word'), name='cue_once_per_topic')],
            },
        ),
    ]
