package deploy

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/smithy-go"
)

// s3Store is a bucket and key prefix.
type s3Store struct {
	c      *s3.Client
	bucket string
	prefix string
}

// Credential environment variables; site.toml never holds credentials.
const (
	EnvAccessKey = "AWS_ACCESS_KEY_ID"
	EnvSecretKey = "AWS_SECRET_ACCESS_KEY"
)

// newS3 makes a client for t with the credentials of the environment.
// Request checksums are sent only when an operation requires them: the
// SDK's default (a CRC32 trailer on every upload, with chunked encoding)
// is refused by Aliyun OSS, Tencent COS and Huawei OBS.
func newS3(t *Target, hc *http.Client) (*s3Store, error) {
	id, secret := os.Getenv(EnvAccessKey), os.Getenv(EnvSecretKey)
	if id == "" || secret == "" {
		return nil, fmt.Errorf("对象存储的访问密钥应放在环境变量 %s 和 %s 中（CI 里设为加密变量），不写进 site.toml (credentials missing from the environment)", EnvAccessKey, EnvSecretKey)
	}
	token := os.Getenv("AWS_SESSION_TOKEN")
	if hc == nil {
		hc = &http.Client{Timeout: 5 * time.Minute}
	}
	o := s3.Options{
		Region: t.Region,
		Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{AccessKeyID: id, SecretAccessKey: secret, SessionToken: token, Source: "environment"}, nil
		}),
		UsePathStyle:               t.PathStyle,
		RequestChecksumCalculation: aws.RequestChecksumCalculationWhenRequired,
		ResponseChecksumValidation: aws.ResponseChecksumValidationWhenRequired,
		RetryMode:                  aws.RetryModeStandard, // backoff with jitter on 5xx, throttling and timeouts
		RetryMaxAttempts:           6,
		HTTPClient:                 hc,
	}
	if t.Endpoint != "" {
		o.BaseEndpoint = aws.String(t.Endpoint)
	}
	return &s3Store{c: s3.New(o), bucket: t.Bucket, prefix: t.Prefix}, nil
}

// list returns the objects under the prefix, named relative to it.
func (s *s3Store) list(ctx context.Context) (map[string]object, error) {
	out := map[string]object{}
	pg := s3.NewListObjectsV2Paginator(s.c, &s3.ListObjectsV2Input{Bucket: &s.bucket, Prefix: aws.String(s.prefix)})
	for pg.HasMorePages() {
		page, err := pg.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("%w：列出 s3://%s/%s 失败：%v", ErrUnreachable, s.bucket, s.prefix, err)
		}
		for _, o := range page.Contents {
			key := aws.ToString(o.Key)
			name, ok := strings.CutPrefix(key, s.prefix)
			if !ok || name == "" || strings.HasSuffix(name, "/") {
				continue
			}
			out[name] = object{size: aws.ToInt64(o.Size), md5: etagMD5(aws.ToString(o.ETag))}
		}
	}
	return out, nil
}

// etagMD5 returns the MD5 an ETag stands for, or "" for a multipart
// upload's ETag, which is not one.
func etagMD5(etag string) string {
	etag = strings.ToLower(strings.Trim(etag, `"`))
	if len(etag) != 32 || strings.ContainsRune(etag, '-') {
		return ""
	}
	return etag
}

// read returns an object's bytes; fs.ErrNotExist when there is none.
func (s *s3Store) read(ctx context.Context, name string) ([]byte, error) {
	res, err := s.c.GetObject(ctx, &s3.GetObjectInput{Bucket: &s.bucket, Key: aws.String(s.prefix + name)})
	if err != nil {
		if notFound(err) {
			return nil, fs.ErrNotExist
		}
		return nil, fmt.Errorf("%w：读取 %s 失败：%v", ErrUnreachable, name, err)
	}
	defer res.Body.Close()
	return io.ReadAll(res.Body)
}

func notFound(err error) bool {
	var nsk *types.NoSuchKey
	var nf *types.NotFound
	if errors.As(err, &nsk) || errors.As(err, &nf) {
		return true
	}
	var ae smithy.APIError
	return errors.As(err, &ae) && (ae.ErrorCode() == "NoSuchKey" || ae.ErrorCode() == "NotFound")
}

// put uploads one file in a single part, so that its ETag is its MD5.
func (s *s3Store) put(ctx context.Context, name string, data []byte, h *Headers) error {
	_, err := s.c.PutObject(ctx, &s3.PutObjectInput{
		Bucket:        &s.bucket,
		Key:           aws.String(s.prefix + name),
		Body:          bytes.NewReader(data),
		ContentLength: aws.Int64(int64(len(data))),
		ContentType:   aws.String(h.ContentType(name)),
		CacheControl:  aws.String(h.CacheControlFor(name)),
	})
	if err != nil {
		return fmt.Errorf("上传 %s 失败：%v (upload failed)", name, err)
	}
	return nil
}

// remove deletes one object under the prefix.
func (s *s3Store) remove(ctx context.Context, name string) error {
	_, err := s.c.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: &s.bucket, Key: aws.String(s.prefix + name)})
	if err != nil && !notFound(err) {
		return fmt.Errorf("删除 %s 失败：%v (delete failed)", name, err)
	}
	return nil
}
